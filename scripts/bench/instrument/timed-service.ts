/** Bench-only: the background service with its start-up (`init`) timed (see worker-timing.ts). */
import { BackgroundService as RealBackgroundService } from '../../../lib/background/background-service';
import { benchMeasure } from './worker-timing';

export * from '../../../lib/background/background-service';

export class BackgroundService extends RealBackgroundService {
  override async init(): Promise<void> {
    const start = performance.now();
    await super.init();
    benchMeasure('init', start);
  }
}
