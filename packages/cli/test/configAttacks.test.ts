import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as FaultServer from "../../node/test/support/faultServer.js"
import { TOKEN } from "../../node/test/support/uiza.js"
import { runCli } from "./support/cli.js"

describe("the CLI refuses swapped settings before anything is sent", () => {
  it.scopedLive(
    "the CLI's --domain and UIZA_WORKSPACE_API_DOMAIN refuse a token, exit 3, and print neither value",
    () =>
      Effect.gen(function*() {
        const server = yield* FaultServer.make([FaultServer.logoutSuccess()])
        const runs = [
          yield* runCli(["logout", `--domain=${TOKEN}`], { env: { UIZA_AUTHORIZATION: TOKEN } }),
          yield* runCli(["logout", "--json", `--domain=${TOKEN}`], { env: { UIZA_AUTHORIZATION: TOKEN } }),
          // The two variables swapped.
          yield* runCli(["logout"], { env: { UIZA_WORKSPACE_API_DOMAIN: TOKEN, UIZA_AUTHORIZATION: server.url } })
        ]
        for (const run of runs) {
          expect(run.code).toBe(3)
          const output = run.stdout + run.stderr
          expect(output).toContain("swapped")
          expect(output).not.toContain(TOKEN.split("-")[1])
          expect(output).not.toContain(server.url)
        }
        expect(JSON.parse(runs[1].stdout)).toMatchObject({
          ok: false,
          error: { _tag: "UizaConfigError", setting: "workspaceApiDomain", possiblyDelivered: false }
        })
        expect(server.requests.length).toBe(0)
      }),
    120_000
  )
})
