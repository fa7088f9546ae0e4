import { firefoxDriver } from './lib/driver';
import { popupSuite } from './lib/popup-suite';

popupSuite(() => firefoxDriver());
