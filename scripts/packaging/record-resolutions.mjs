// Preloaded by the packaging check into the consumer program (`node --import`): writes every URL
// Node resolves for an import, one a line, to the file named by UIZA_RESOLUTIONS, so the consumer
// can tell which files of each installed package a program loaded.
import { appendFileSync } from "node:fs"
import { register } from "node:module"
import { isMainThread } from "node:worker_threads"

let file
export const initialize = (data) => {
  file = data
}
export const resolve = async (specifier, context, next) => {
  const resolved = await next(specifier, context)
  appendFileSync(file, `${resolved.url}\n`)
  return resolved
}

// Module hooks run on a thread of their own, which loads this file again: register only once.
if (isMainThread) register(import.meta.url, { data: process.env.UIZA_RESOLUTIONS })
