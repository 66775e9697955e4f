export { startPlatform, type RunningPlatform } from './startPlatform.js';
export { loadLauncherConfig, type LauncherConfig } from './config.js';
