/**
 * Whether `uiza` colours what it writes to a stream.
 *
 * @internal
 */

/** The facts the decision rests on: whether the stream is a terminal, and the environment. */
export interface ColourContext {
  readonly isTTY: boolean
  readonly env: Readonly<Record<string, string | undefined>>
}

/**
 * Colours go to a terminal only: never when `NO_COLOR` is set to anything but
 * the empty string (https://no-color.org, it wins over everything), never for
 * `TERM=dumb`; `FORCE_COLOR` (any value but `0` or `false`) asks for them on a
 * pipe or a file too, and `FORCE_COLOR=0` turns them off on a terminal.
 */
export const useColours = ({ env, isTTY }: ColourContext): boolean => {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false
  const force = env.FORCE_COLOR
  if (force !== undefined) return force !== "0" && force.toLowerCase() !== "false"
  if (env.TERM === "dumb") return false
  return isTTY
}

/** The decision for one of the process's streams. */
export const coloursFor = (stream: { readonly isTTY?: boolean }): boolean =>
  useColours({ isTTY: stream.isTTY === true, env: process.env })
