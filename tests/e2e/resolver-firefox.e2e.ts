import { firefoxDriver } from './lib/driver';
import { resolverSuite } from './lib/resolver-suite';

resolverSuite(() => firefoxDriver());
