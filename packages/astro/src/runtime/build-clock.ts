/**
 * The clock a build publishes by: `OPENOUTREACH_BUILD_DATE` when set, else the time the build
 * started. Scheduled news and events, the announcement's days and which events are upcoming all
 * go by it, in the site's time zone (`@openoutreach/core`'s publication.ts).
 */
import config from 'virtual:openoutreach/config';
import { BUILD_DATE_VARIABLE, buildClock, type BuildClock } from '@openoutreach/core';

/** One clock for the whole build, so every page, feed and calendar agrees on what is published. */
export const clock: BuildClock = buildClock(process.env[BUILD_DATE_VARIABLE], config.settings.timeZone);
