/** Bytes a piece of work allocates, from V8's GC profiler. */
import * as v8 from "node:v8"

/**
 * Runs `work` and counts the bytes it allocated: the used heap before each
 * collection minus the used heap after the previous one, summed, plus what
 * was allocated since the last collection. Also says how many collections ran.
 */
export const allocatedBy = async (work: () => Promise<unknown>): Promise<{ bytes: number; gcs: number }> => {
  const profiler = new v8.GCProfiler()
  profiler.start()
  const startUsed = v8.getHeapStatistics().used_heap_size
  await work()
  const endUsed = v8.getHeapStatistics().used_heap_size
  const { statistics } = profiler.stop() as unknown as {
    statistics: ReadonlyArray<{
      beforeGC: { heapStatistics: { usedHeapSize: number } }
      afterGC: { heapStatistics: { usedHeapSize: number } }
    }>
  }
  let bytes = 0
  let previous = startUsed
  for (const entry of statistics) {
    bytes += entry.beforeGC.heapStatistics.usedHeapSize - previous
    previous = entry.afterGC.heapStatistics.usedHeapSize
  }
  return { bytes: bytes + endUsed - previous, gcs: statistics.length }
}
