import { execFile } from "node:child_process"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const root = fileURLToPath(new URL("..", import.meta.url))

// The README's demo, run as a user runs it: a separate Node process against the local server.
const runDemo = (env: NodeJS.ProcessEnv) =>
  new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      ["--conditions=source", "--import", "tsx", "examples/user-management.ts"],
      { cwd: root, env, timeout: 60_000 },
      (error, stdout, stderr) => error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)
    )
  )

describe("examples/user-management.ts", () => {
  it("logs in as the seeded admin, creates and lists a user, logs out, then shows the typed 401", async () => {
    const env = { ...process.env }
    for (const name of ["UIZA_WORKSPACE_API_DOMAIN", "UIZA_USERNAME", "UIZA_PASSWORD", "UIZA_DOMAIN"]) delete env[name]
    const output = await runDemo(env)
    expect(output).toMatch(/Local Uiza server at http:\/\/127\.0\.0\.1:\d+, seeded admin admin@example\.com/)
    expect(output).toMatch(/logged in as admin@example\.com: token <redacted> for app [0-9a-f]{32}/)
    expect(output).toMatch(/created ada-\w+ \([0-9a-f-]{36}\), active/)
    expect(output).toMatch(/2 users: .*ada-/)
    expect(output).toContain("logout: Logout success")
    expect(output).toContain("after logout: UnauthorizedError (HTTP 401)")
    // No token in the output: it is printed only as <redacted>.
    expect(output).not.toMatch(/uap-[0-9a-f]{32}-[0-9a-f]{8}/)
  }, 90_000)

  it("with only some of a real workspace's settings, says which are missing and uses the local server", async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      UIZA_WORKSPACE_API_DOMAIN: "http://127.0.0.1:1",
      UIZA_USERNAME: ""
    }
    for (const name of ["UIZA_PASSWORD", "UIZA_DOMAIN"]) delete env[name]
    const output = await runDemo(env)
    expect(output).toContain(
      "A real workspace needs UIZA_USERNAME, UIZA_PASSWORD, UIZA_DOMAIN too; running against a local server instead."
    )
    expect(output).toContain("after logout: UnauthorizedError (HTTP 401)")
  }, 90_000)
})
