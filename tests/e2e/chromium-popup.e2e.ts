import { chromiumDriver } from './lib/driver';
import { popupSuite } from './lib/popup-suite';

popupSuite(() => chromiumDriver());
