export { captureShots, shotName, VIEWPORTS, type CaptureOptions } from './capture.ts';
export { compareShots, type CompareOptions } from './compare.ts';
