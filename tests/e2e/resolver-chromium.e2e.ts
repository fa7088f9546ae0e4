import { chromiumDriver } from './lib/driver';
import { resolverSuite } from './lib/resolver-suite';

resolverSuite(() => chromiumDriver());
