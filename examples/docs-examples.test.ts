import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { UizaConfig, User } from "@uiza-effect/core"
import { NodeUizaServer } from "@uiza-effect/server"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Redacted from "effect/Redacted"
import * as Scope from "effect/Scope"
import { execFile } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const root = fileURLToPath(new URL("..", import.meta.url))
// Inside the workspace, so that the examples' imports resolve as in a project that installed the packages.
const workDir = path.join(root, "examples", ".docs-examples")

interface Example {
  readonly page: string
  readonly heading: string
  readonly code: string
}

// The ```ts blocks of a page that are whole programs (they run themselves with `NodeRuntime.runMain`),
// each under the `##` heading it follows.
const examplesOf = (page: string): Array<Example> => {
  const lines = fs.readFileSync(path.join(root, "docs", page), "utf8").split("\n")
  const examples: Array<Example> = []
  let heading = ""
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith("## ")) heading = lines[i].slice(3)
    if (lines[i] !== "```ts") continue
    const end = lines.indexOf("```", i + 1)
    const code = lines.slice(i + 1, end).join("\n")
    if (code.includes("NodeRuntime.runMain")) examples.push({ page, heading, code })
    i = end
  }
  return examples
}

const examples = [...examplesOf("users.md"), ...examplesOf("auth.md")]
const exampleOn = (page: string, heading: string): Example => {
  const example = examples.find((e) => e.page === page && e.heading === heading)
  if (example === undefined) throw new Error(`no runnable example under "## ${heading}" in docs/${page}`)
  return example
}

interface Run {
  readonly code: number | null
  readonly output: string
}

// Runs an example as a user would: its own file, its own Node process, settings in the environment.
const run = (example: Example, env: Record<string, string>): Promise<Run> => {
  const file = path.join(workDir, `${example.page.replace(".md", "")}-${example.heading.replace(/\W+/g, "-")}.ts`)
  fs.writeFileSync(file, example.code)
  // Only the settings given here: none of the machine's own `UIZA_*` variables (a timeout, a retry count).
  const childEnv: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith("UIZA_")) childEnv[key] = value
  Object.assign(childEnv, env)
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      ["--conditions=source", "--import", "tsx", file],
      { cwd: root, env: childEnv, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : (error.code as number | null), output: stdout + stderr })
    )
  )
}

const scope = Effect.runSync(Scope.make())
let server: NodeUizaServer.RunningServer

// A token of the seeded admin of its own for each run: some of the examples revoke theirs.
const adminToken = () => {
  const token = NodeUizaServer.randomToken()
  server.addToken(token)
  return token
}

const userPassword = "correct-horse-battery"

// A user of its own for each example about one user.
const newUser = (name: string) =>
  Effect.runPromise(
    User.create({
      username: `${name}-${Date.now().toString(36)}`,
      email: `${name}-${Date.now().toString(36)}@example.com`,
      password: userPassword,
      status: "active"
    }).pipe(
      Effect.provide(UizaConfig.layer({ workspaceApiDomain: server.url, authorization: adminToken() })),
      Effect.provide(FetchHttpClient.layer)
    )
  )

const workspace = (token: string = adminToken()) => ({
  UIZA_WORKSPACE_API_DOMAIN: server.url,
  UIZA_AUTHORIZATION: token
})

const login = () => ({
  UIZA_WORKSPACE_API_DOMAIN: server.url,
  UIZA_USERNAME: server.admin.email,
  UIZA_PASSWORD: Redacted.value(server.admin.password),
  UIZA_DOMAIN: "local"
})

beforeAll(async () => {
  fs.mkdirSync(workDir, { recursive: true })
  server = await Effect.runPromise(Scope.extend(NodeUizaServer.start(), scope))
})

afterAll(async () => {
  await Effect.runPromise(Scope.close(scope, Exit.void))
  fs.rmSync(workDir, { recursive: true, force: true })
})

const expectClean = (result: Run) => {
  expect(result.output).not.toMatch(/uap-[0-9a-f]{32}/)
  expect(result.output).not.toContain(Redacted.value(server.admin.password))
  expect(result.output).not.toContain(userPassword)
}

// Every example of docs/users.md and docs/auth.md, run against the local server over a socket.
describe("the examples of the docs run as they are", () => {
  it("every operation of both pages has a runnable example", () => {
    expect(examples.map((e) => `${e.page}: ${e.heading}`)).toEqual([
      "users.md: Create",
      "users.md: Retrieve",
      "users.md: List, one page or all of them",
      "users.md: Update",
      "users.md: Delete",
      "users.md: Change a password",
      "users.md: Log out",
      "auth.md: Create a token",
      "auth.md: Check a token",
      "auth.md: A session: `UizaConfig.layerLogin`"
    ])
  })

  it("users: create", async () => {
    const result = await run(exampleOn("users.md", "Create"), workspace())
    expect(result).toMatchObject({ code: 0 })
    expect(result.output).toMatch(/created ada \([0-9a-f-]{36}\)/)
    expectClean(result)
  }, 90_000)

  it("users: retrieve", async () => {
    const user = await newUser("grace")
    const result = await run(exampleOn("users.md", "Retrieve"), { ...workspace(), USER_ID: user.id })
    expect(result).toMatchObject({ code: 0 })
    expect(result.output).toContain(`${user.id}: ${user.email}`)
    expectClean(result)
  }, 90_000)

  it("users: list, one page and every page", async () => {
    const result = await run(exampleOn("users.md", "List, one page or all of them"), workspace())
    expect(result).toMatchObject({ code: 0 })
    expect(result.output).toMatch(/(\d+) of \1 users/)
    expect(result.output).toContain(`admins: ${server.admin.username}`)
    expectClean(result)
  }, 90_000)

  it("users: update", async () => {
    const user = await newUser("ada")
    const result = await run(exampleOn("users.md", "Update"), { ...workspace(), USER_ID: user.id })
    expect(result).toMatchObject({ code: 0 })
    expect(result.output).toContain("now called Augusta Ada King")
    expectClean(result)
  }, 90_000)

  it("users: delete, twice", async () => {
    const user = await newUser("alan")
    const example = exampleOn("users.md", "Delete")
    const first = await run(example, { ...workspace(), USER_ID: user.id })
    expect(first).toMatchObject({ code: 0 })
    expect(first.output).toContain(`deleted ${user.id}`)
    const second = await run(example, { ...workspace(), USER_ID: user.id })
    expect(second).toMatchObject({ code: 0 })
    expect(second.output).toContain("already gone")
  }, 90_000)

  it("users: change a password, after which only the new one logs in", async () => {
    const user = await newUser("edsger")
    const newPassword = "staple-of-the-horse"
    const result = await run(exampleOn("users.md", "Change a password"), {
      ...workspace(),
      USER_ID: user.id,
      OLD_PASSWORD: userPassword,
      NEW_PASSWORD: newPassword
    })
    expect(result).toMatchObject({ code: 0 })
    expect(result.output).toContain("password changed")
    expect(result.output).not.toContain(newPassword)
    expectClean(result)
    const asUser = { UIZA_USERNAME: user.email, UIZA_DOMAIN: "local", UIZA_WORKSPACE_API_DOMAIN: server.url }
    const withOld = await run(exampleOn("auth.md", "Create a token"), { ...asUser, UIZA_PASSWORD: userPassword })
    expect(withOld.code).not.toBe(0)
    expect(withOld.output).toContain("UnauthorizedError")
    const withNew = await run(exampleOn("auth.md", "Create a token"), { ...asUser, UIZA_PASSWORD: newPassword })
    expect(withNew).toMatchObject({ code: 0 })
  }, 120_000)

  it("users: log out, which revokes the token", async () => {
    const token = adminToken()
    const example = exampleOn("users.md", "Log out")
    const result = await run(example, workspace(token))
    expect(result).toMatchObject({ code: 0 })
    expect(result.output).toContain("Logout success")
    expect(server.isValid(token)).toBe(false)
    const again = await run(example, workspace(token))
    expect(again.output).toContain("already logged out")
    expectClean(result)
  }, 90_000)

  it("auth: create a token, use it, revoke it", async () => {
    const result = await run(exampleOn("auth.md", "Create a token"), login())
    expect(result).toMatchObject({ code: 0 })
    expect(result.output).toMatch(new RegExp(`a token for app ${server.appId}: <redacted>`))
    expect(result.output).toMatch(/\d+ users/)
    expectClean(result)
  }, 90_000)

  it("auth: check a token", async () => {
    const result = await run(exampleOn("auth.md", "Check a token"), workspace())
    expect(result).toMatchObject({ code: 0 })
    expect(result.output).toMatch(/the token expires in (29|30) days/)
    expectClean(result)
  }, 90_000)

  it("auth: a session from a login", async () => {
    const result = await run(exampleOn("auth.md", "A session: `UizaConfig.layerLogin`"), login())
    expect(result).toMatchObject({ code: 0 })
    expect(result.output).toMatch(/\d+ users/)
    expect(result.output).not.toContain("logout of the session's token failed")
    expectClean(result)
  }, 90_000)
})
