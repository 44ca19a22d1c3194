import { execFile } from "node:child_process"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const root = fileURLToPath(new URL("..", import.meta.url))

// The demo of the README, run as a user runs it: a separate Node process.
describe("examples/logout-node.ts", () => {
  it("logs out against the local server, then shows the typed 401", async () => {
    const env = { ...process.env }
    delete env.UIZA_WORKSPACE_API_DOMAIN
    delete env.UIZA_AUTHORIZATION
    const output = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        ["--conditions=source", "--import", "tsx", "examples/logout-node.ts"],
        { cwd: root, env, timeout: 60_000 },
        (error, stdout, stderr) => error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)
      )
    )
    expect(output).toMatch(/Local Uiza server at http:\/\/127\.0\.0\.1:\d+/)
    expect(output).toContain("first logout: Logout success")
    expect(output).toContain("second logout with the same token: UnauthorizedError (HTTP 401): Unauthorized")
  }, 90_000)
})
