import { describe, expect, it } from "@effect/vitest"
import { NodeUizaServer } from "@uiza-effect/server"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { spawn } from "node:child_process"
import { repoRoot, skipsTerminalTests, uizaCommand } from "./support/cli.js"

// The password prompts, on a real pseudo-terminal: what is typed is never echoed, the token is
// printed only when asked, and a password being set is asked twice.

const SPAWN_TIMEOUT = 400_000
const RUN_LIMIT = 180_000

interface TerminalRun {
  readonly code: number | null
  /** Everything the terminal showed. */
  readonly screen: string
}

// Runs `uiza <args>` on a terminal and types each answer once the screen shows its prompt (typed
// earlier, the terminal would still be in its echoing mode and show it).
const typing = (
  args: string,
  answers: ReadonlyArray<readonly [prompt: string, typed: string]>,
  env: Readonly<Record<string, string>>
) =>
  Effect.promise(() =>
    new Promise<TerminalRun>((resolve, reject) => {
      const environment: NodeJS.ProcessEnv = { TERM: "xterm-256color", NO_COLOR: "1" }
      for (const [key, value] of Object.entries(process.env)) {
        if (!key.startsWith("UIZA_") && key !== "NODE_OPTIONS" && key !== "FORCE_COLOR") environment[key] = value
      }
      const child = spawn("script", ["-qec", `${uizaCommand} ${args}`, "/dev/null"], {
        cwd: repoRoot,
        env: { ...environment, ...env, TERM: "xterm-256color", NO_COLOR: "1" },
        stdio: "pipe"
      })
      let screen = ""
      let next = 0
      let searchFrom = 0
      const timer = setTimeout(() => {
        child.kill("SIGKILL")
        reject(new Error(`uiza ${args} did not end within ${RUN_LIMIT} ms:\n${screen}`))
      }, RUN_LIMIT)
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        screen += chunk
        // Each prompt in turn, searched for after the previous one.
        while (next < answers.length) {
          const [prompt, typed] = answers[next]!
          const at = screen.indexOf(prompt, searchFrom)
          if (at === -1) break
          searchFrom = at + prompt.length
          child.stdin.write(`${typed}\r`)
          next++
        }
      })
      child.on("close", (code) => {
        clearTimeout(timer)
        resolve({ code, screen })
      })
    })
  )

const serverWithAdmin = Effect.gen(function*() {
  const server = yield* Effect.orDie(NodeUizaServer.start())
  return { server, password: Redacted.value(server.admin.password), env: { UIZA_WORKSPACE_API_DOMAIN: server.url } }
})

describe.skipIf(skipsTerminalTests)("password prompts on a terminal", () => {
  it.scopedLive(
    "uiza login asks without echo, and prints the token only with --print-token",
    () =>
      Effect.gen(function*() {
        const { env, password, server } = yield* serverWithAdmin
        const login = "login --username admin --workspace-domain localhost"

        const printed = yield* typing(`${login} --print-token`, [["Password for admin", password]], env)
        expect(printed.code).toBe(0)
        expect(printed.screen).toContain("Password for admin")
        expect(printed.screen).not.toContain(password)
        const tokens = printed.screen.match(/uap-[0-9a-f]{32}-[0-9a-f]{8}/g) ?? []
        expect(tokens).toHaveLength(1)
        expect(server.isValid(tokens[0]!)).toBe(true)

        // A wrong password: the server's 401, exit 4, and nothing typed on the screen.
        const wrong = yield* typing(`${login} --print-token`, [["Password for admin", "not-the-password"]], env)
        expect(wrong.code).toBe(4)
        expect(wrong.screen).not.toContain("not-the-password")
        expect(wrong.screen).not.toMatch(/uap-[0-9a-f]{32}/)
      }),
    SPAWN_TIMEOUT
  )

  it.scopedLive("uiza users create asks twice, and sends nothing when the two differ", () =>
    Effect.gen(function*() {
      const { server } = yield* serverWithAdmin
      const token = NodeUizaServer.randomToken()
      server.addToken(token)
      const env = { UIZA_WORKSPACE_API_DOMAIN: server.url, UIZA_AUTHORIZATION: token }
      const create = "users create --username ann --email ann@example.com --status active"
      const chosen = "ann-s-own-secret"

      const differ = yield* typing(create, [["Password for ann", chosen], ["again", `${chosen}x`]], env)
      expect(differ.code).toBe(3)
      expect(differ.screen).toContain("The two passwords typed differ; nothing was sent.")
      expect(differ.screen).not.toContain(chosen)

      const same = yield* typing(create, [["Password for ann", chosen], ["again", chosen]], env)
      expect(same.code).toBe(0)
      // The new user, with the id the server gave it (no prompt shows a uuid).
      expect(same.screen).toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/)
      expect(same.screen).not.toContain(chosen)

      // The password typed is the one set: ann can log in with it.
      const asAnn = yield* typing(
        "login --username ann --workspace-domain localhost --print-token",
        [["Password for ann", chosen]],
        { UIZA_WORKSPACE_API_DOMAIN: server.url }
      )
      expect(asAnn.code).toBe(0)
      expect(server.isValid((asAnn.screen.match(/uap-[0-9a-f]{32}-[0-9a-f]{8}/) ?? [""])[0]!)).toBe(true)
    }), SPAWN_TIMEOUT)
})
