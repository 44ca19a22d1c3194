import { describe, expect, it } from "@effect/vitest"
import * as UizaCli from "@uiza-effect/cli/UizaCli"
import { NodeUizaServer } from "@uiza-effect/server"
import * as Effect from "effect/Effect"
import { randomBytes } from "node:crypto"
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type CliRun, runCli, startCli, startRawServer } from "./support/cli.js"

// `uiza login`, `uiza users …`, `uiza token check` and the admin of `uiza serve`,
// through the real binary. Every password is a canary: apart from the token
// that --print-token asks for, no secret may show up in anything `uiza` printed.

const SPAWN_TIMEOUT = 180_000
const FLOW_TIMEOUT = 600_000

const canaryPassword = () => `pw-${randomBytes(8).toString("hex")}`

const expectNoSecret = (runs: ReadonlyArray<CliRun>, secrets: ReadonlyArray<string>) => {
  for (const run of runs) {
    for (const secret of secrets) {
      expect(run.stdout).not.toContain(secret)
      expect(run.stderr).not.toContain(secret)
    }
  }
}

// The secret part of every token of the documented shape that `text` holds.
const tokensIn = (text: string) => Array.from(text.matchAll(/uap-([0-9a-f]{32})-[0-9a-f]{8}/g), (match) => match[1])

const jsonOf = (run: CliRun) => {
  const lines = run.stdout.trim().split("\n")
  expect(lines).toHaveLength(1)
  return JSON.parse(lines[0]) as { ok: boolean; result?: any; error?: any }
}

const tempDir = Effect.acquireRelease(
  Effect.sync(() => mkdtempSync(join(tmpdir(), "uiza-cli-accounts-"))),
  (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
)

const serverWithAdmin = Effect.gen(function*() {
  const password = canaryPassword()
  const server = yield* Effect.orDie(NodeUizaServer.start({ admin: { password } }))
  return { server, password, env: { UIZA_WORKSPACE_API_DOMAIN: server.url } }
})

const login = ["login", "--username", "admin", "--workspace-domain", "localhost"]

describe("uiza login", () => {
  it.scopedLive(
    "saves the token to a new 0600 file, replaces a private one, prints it only when asked",
    () =>
      Effect.gen(function*() {
        const { env, password, server } = yield* serverWithAdmin
        const dir = yield* tempDir
        const path = join(dir, "token")

        const saved = yield* runCli([...login, "--password-stdin", "--save-token", path], {
          env,
          stdin: `${password}\n`
        })
        expect(saved.code).toBe(0)
        expect(saved.stdout).toContain("Logged in as admin")
        expect(saved.stdout).toContain(`--token-file ${path}`)
        expect(statSync(path).mode & 0o777).toBe(0o600)
        const first = readFileSync(path, "utf8").trim()
        expect(server.isValid(first)).toBe(true)

        // An existing private file is replaced; --json carries the token only with --print-token.
        const passwordFile = join(dir, "password")
        writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 })
        const json = yield* runCli(
          [...login, "--password-file", passwordFile, "--save-token", path, "--print-token", "--json"],
          { env }
        )
        expect(json.code).toBe(0)
        const result = jsonOf(json).result
        expect(result).toMatchObject({ username: "admin", appId: server.appId, tokenFile: path })
        expect(result.token).toBe(readFileSync(path, "utf8").trim())
        expect(result.token).not.toBe(first)
        expect(server.isValid(result.token)).toBe(true)

        // --print-token alone: the token is the whole of standard output, the rest goes to standard error.
        const printed = yield* runCli([...login, "--password-stdin", "--print-token"], { env, stdin: password })
        expect(printed.code).toBe(0)
        expect(printed.stdout).toMatch(/^uap-[0-9a-f]{32}-[0-9a-f]{8}\n$/)
        expect(server.isValid(printed.stdout.trim())).toBe(true)
        expect(printed.stderr).toContain("Logged in as admin")

        expectNoSecret([saved, json, printed], [password])
        expectNoSecret([saved], [first])
      }),
    SPAWN_TIMEOUT
  )

  it.scopedLive(
    "refuses a symbolic link, a file others can read, a wrong password (exit 3, 3, 4)",
    () =>
      Effect.gen(function*() {
        const { env, password } = yield* serverWithAdmin
        const dir = yield* tempDir
        const victim = join(dir, "victim")
        writeFileSync(victim, "keep\n", { mode: 0o600 })
        const link = join(dir, "link")
        symlinkSync(victim, link)
        const viaLink = yield* runCli([...login, "--password-stdin", "--save-token", link], { env, stdin: password })
        expect(viaLink.code).toBe(UizaCli.ExitCode.Config)
        expect(viaLink.stderr).toContain("symbolic link")
        expect(readFileSync(victim, "utf8")).toBe("keep\n")

        const shared = join(dir, "shared")
        writeFileSync(shared, "old\n")
        chmodSync(shared, 0o644)
        const loose = yield* runCli([...login, "--password-stdin", "--save-token", shared, "--json"], {
          env,
          stdin: password
        })
        expect(loose.code).toBe(3)
        expect(jsonOf(loose).error).toMatchObject({ _tag: "UizaConfigError", setting: "saveToken" })
        expect(jsonOf(loose).error.message).toContain("chmod 600")
        expect(readFileSync(shared, "utf8")).toBe("old\n")

        const wrong = canaryPassword()
        const refused = yield* runCli([...login, "--password-stdin", "--print-token"], { env, stdin: wrong })
        expect(refused.code).toBe(UizaCli.ExitCode.Unauthorized)
        expect(refused.stdout).toBe("")
        expect(refused.stderr).toContain("UnauthorizedError (HTTP 401)")
        expectNoSecret([viaLink, loose, refused], [password, wrong])
      }),
    SPAWN_TIMEOUT
  )

  it.scopedLive("a password is never taken from an argument (exit 2), and never echoed", () =>
    Effect.gen(function*() {
      const { env, password } = yield* serverWithAdmin
      const runs = [
        yield* runCli([...login, "--print-token", "--password", password], { env }),
        yield* runCli(["users", "change-password", `--new-password=${password}`], { env })
      ]
      for (const run of runs) {
        expect(run.code).toBe(UizaCli.ExitCode.Usage)
        expect(run.stderr).toContain("never accepted as a command-line argument")
      }
      expectNoSecret(runs, [password])
    }), SPAWN_TIMEOUT)
})

describe("uiza users and uiza token check against the local server", () => {
  it.scopedLive(
    "login → create → list → get → update → change-password → login as the user → token check → delete → 401",
    () =>
      Effect.gen(function*() {
        const { env, password: adminPassword, server } = yield* serverWithAdmin
        const dir = yield* tempDir
        const tokenFile = join(dir, "token")
        const withToken = ["--token-file", tokenFile]
        const runs: Array<CliRun> = []
        const run = (args: ReadonlyArray<string>, stdin?: string, extraEnv: Record<string, string> = {}) =>
          Effect.tap(
            runCli(args, { env: { ...env, ...extraEnv }, ...(stdin === undefined ? {} : { stdin }) }),
            (outcome) => void runs.push(outcome)
          )

        expect((yield* run([...login, "--password-stdin", "--save-token", tokenFile], adminPassword)).code).toBe(0)
        const adminToken = readFileSync(tokenFile, "utf8").trim()

        const password = canaryPassword()
        const created = yield* run(
          [
            "users",
            "create",
            ...withToken,
            "--username",
            "ann",
            "--email",
            "ann@example.com",
            "--status",
            "active",
            "--full-name",
            "Ann Example",
            "--dob",
            "1815-12-10",
            "--password-stdin",
            "--json"
          ],
          `${password}\n`
        )
        expect(created.code).toBe(0)
        const user = jsonOf(created).result
        expect(user).toMatchObject({ username: "ann", email: "ann@example.com", status: "active", isAdmin: false })

        // No password given, and standard input is no terminal to ask in: a configuration error, nothing sent.
        const noPassword = yield* run(
          ["users", "create", ...withToken, "--username", "bob", "--email", "bob@example.com", "--status", "active"]
        )
        expect(noPassword.code).toBe(UizaCli.ExitCode.Config)
        expect(noPassword.stderr).toContain("--password-file <path> or --password-stdin")
        // The server judges what the SDK cannot: a username already taken is a 422 naming the field.
        const duplicate = yield* run(
          [
            "users",
            "create",
            ...withToken,
            "--username",
            "ann",
            "--email",
            "ann2@example.com",
            "--status",
            "active",
            "--password-stdin"
          ],
          password
        )
        expect(duplicate.code).toBe(UizaCli.ExitCode.ClientError)
        expect(duplicate.stderr).toContain("UnprocessableError (HTTP 422)")
        expect(duplicate.stderr).toContain("field username")

        const table = yield* run(["users", "list", ...withToken])
        expect(table.code).toBe(0)
        const [header, ...rows] = table.stdout.trimEnd().split("\n")
        expect(header).toMatch(/^ID +USERNAME +EMAIL +STATUS +ADMIN +CREATED$/)
        const annRow = rows.find((row) => row.includes(" ann "))
        expect(annRow).toBeDefined()
        // Aligned: every column of the row starts where its header does.
        expect(annRow!.indexOf("ann@example.com")).toBe(header.indexOf("EMAIL"))
        expect(annRow!.indexOf("active")).toBe(header.indexOf("STATUS"))
        expect(annRow).toMatch(/ no +\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/)
        expect(rows.at(-1)).toBe("page 1, 20 a page; 2 users in all.")

        // --all over pages of one user each.
        const all = yield* run(["users", "list", ...withToken, "--all", "--limit", "1", "--json"])
        expect(all.code).toBe(0)
        expect(jsonOf(all).result.items.map((item: { username: string }) => item.username).sort()).toEqual([
          "admin",
          "ann"
        ])

        const got = yield* run(["users", "get", user.id, ...withToken])
        expect(got.code).toBe(0)
        expect(got.stdout).toMatch(/^full name +Ann Example$/m)
        expect(got.stdout).toMatch(new RegExp(`^id +${user.id}$`, "m"))

        const updated = yield* run([
          "users",
          "update",
          user.id,
          ...withToken,
          "--admin",
          "--gender",
          "female",
          "--json"
        ])
        expect(updated.code).toBe(0)
        expect(jsonOf(updated).result).toMatchObject({ id: user.id, isAdmin: true, username: "ann" })

        const newPassword = canaryPassword()
        const changed = yield* run(
          ["users", "change-password", user.id, ...withToken, "--passwords-stdin"],
          `${password}\n${newPassword}\n`
        )
        expect(changed.code).toBe(0)
        expect(changed.stdout).toContain(`Changed the password of user ${user.id}`)

        const annLogin = yield* run(
          ["login", "--username", "ann", "--workspace-domain", "localhost", "--password-stdin", "--print-token"],
          newPassword
        )
        expect(annLogin.code).toBe(0)
        const annToken = annLogin.stdout.trim()

        const check = yield* run(["token", "check"], undefined, { UIZA_AUTHORIZATION: annToken })
        expect(check.code).toBe(0)
        expect(check.stdout).toMatch(
          /^The token is valid until \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC \(in 29 days 23 h \d+ min; \d+ seconds\)\.$/m
        )

        const deleted = yield* run(["users", "delete", user.id, ...withToken, "--json"])
        expect(deleted.code).toBe(0)
        expect(jsonOf(deleted)).toEqual({ ok: true, result: { id: user.id } })
        expect(server.isValid(annToken)).toBe(false)

        const revoked = yield* run(["token", "check", "--json"], undefined, { UIZA_AUTHORIZATION: annToken })
        expect(revoked.code).toBe(UizaCli.ExitCode.Unauthorized)
        expect(jsonOf(revoked).error).toMatchObject({ _tag: "UnauthorizedError", status: 401 })

        const gone = yield* run(["users", "get", user.id, ...withToken])
        expect(gone.code).toBe(UizaCli.ExitCode.NotFound)
        expect(gone.stderr).toContain("NotFoundError (HTTP 404)")

        expectNoSecret(runs, [adminPassword, password, newPassword])
        // Tokens: only the one --print-token asked for.
        const secretOf = (token: string) => token.split("-")[1]
        expectNoSecret(runs.filter((outcome) => outcome !== annLogin), [secretOf(adminToken), secretOf(annToken)])
        for (const outcome of runs) {
          if (outcome !== annLogin) expect(tokensIn(outcome.stdout + outcome.stderr)).toEqual([])
        }
      }),
    FLOW_TIMEOUT
  )
})

describe("bad input and a server that echoes secrets", () => {
  it.scopedLive(
    "an invalid field exits 2 naming it, nothing sent; a 422 echoing the password shows it nowhere",
    () =>
      Effect.gen(function*() {
        const requests: Array<string> = []
        const echoed: Array<string> = []
        // A careless server: its 422 quotes the password (and the token) in the message and in the field errors.
        const echo = yield* startRawServer((request, response) => {
          let body = ""
          request.setEncoding("utf8").on("data", (chunk: string) => void (body += chunk)).on("end", () => {
            requests.push(`${request.method} ${request.url}`)
            const sent = JSON.parse(body || "{}") as { password?: string }
            const quoted = `${sent.password} / ${request.headers.authorization}`
            echoed.push(quoted)
            response.writeHead(422, { "content-type": "application/json" }).end(JSON.stringify({
              code: 422,
              type: "ERROR",
              message: `The password ${quoted} is not allowed`,
              data: [{ type: "weak", field: "password", message: `'${quoted}' is too weak` }]
            }))
          })
        })
        const token = NodeUizaServer.randomToken()
        const password = canaryPassword()
        const env = { UIZA_WORKSPACE_API_DOMAIN: echo.url, UIZA_AUTHORIZATION: token }
        const create = ["users", "create", "--username", "ann", "--email", "ann@example.com", "--status", "active"]

        const short = yield* runCli([...create, "--password-stdin", "--json"], { env, stdin: "abc" })
        expect(short.code).toBe(UizaCli.ExitCode.Usage)
        expect(jsonOf(short).error).toMatchObject({ _tag: "InvalidInputError", field: "password", attempts: 0 })
        const badDay = yield* runCli([...create, "--password-stdin", "--dob", "31/12/1999"], { env, stdin: password })
        expect(badDay.code).toBe(2)
        expect(badDay.stderr).toContain("--dob")
        expect(requests).toEqual([])

        const runs = [
          yield* runCli([...create, "--password-stdin"], { env, stdin: password }),
          yield* runCli([...create, "--password-stdin", "--json"], { env, stdin: password }),
          yield* runCli([...login, "--password-stdin", "--print-token"], { env, stdin: password }),
          yield* runCli([...login, "--password-stdin", "--print-token", "--json"], { env, stdin: password })
        ]
        for (const run of runs) expect(run.code).toBe(UizaCli.ExitCode.ClientError)
        expect(runs[0].stderr).toContain("UnprocessableError (HTTP 422)")
        expect(jsonOf(runs[1]).error).toMatchObject({ _tag: "UnprocessableError", status: 422 })
        expect(jsonOf(runs[3]).error).toMatchObject({ _tag: "UnprocessableError", status: 422 })
        expect(requests).toHaveLength(4)
        // The canaries really were in the replies.
        for (const quoted of echoed) expect(quoted).toContain(password)
        expect(echoed.filter((quoted) => quoted.includes(token))).toHaveLength(2)
        expectNoSecret([short, badDay, ...runs], [password, token.split("-")[1]])
      }),
    SPAWN_TIMEOUT
  )
})

describe("uiza serve and its seeded admin", () => {
  it.scopedLive(
    "prints the admin and its password, which logs in; a chosen password is not printed",
    () =>
      Effect.gen(function*() {
        // The servers outlive several spawns: a loaded machine must not trip the default 60 s limit.
        const serve = yield* startCli(["serve", "--json", "--admin-username", "root"], { timeoutMs: SPAWN_TIMEOUT })
        yield* serve.waitForStdout("\n")
        const info = JSON.parse(serve.stdout().trim()) as {
          workspaceApiDomain: string
          admin: { username: string; email: string; password: string }
        }
        expect(info.admin).toMatchObject({ username: "root", email: "admin@example.com" })
        const loggedIn = yield* runCli(
          ["login", "--username", "root", "--workspace-domain", "localhost", "--password-stdin", "--print-token"],
          { env: { UIZA_WORKSPACE_API_DOMAIN: info.workspaceApiDomain }, stdin: info.admin.password }
        )
        expect(loggedIn.code).toBe(0)
        expect(loggedIn.stdout).toMatch(/^uap-/)
        expect((yield* serve.kill("SIGINT")).code).toBe(0)

        const dir = yield* tempDir
        const chosen = canaryPassword()
        writeFileSync(join(dir, "admin"), `${chosen}\n`, { mode: 0o600 })
        const banner = yield* startCli(["serve", "--admin-password-file", join(dir, "admin")], {
          timeoutMs: SPAWN_TIMEOUT
        })
        yield* banner.waitForStdout("Stop it with Ctrl-C.")
        expect(banner.stdout()).toContain(
          "Seeded admin: admin (admin@example.com), password: the one in --admin-password-file"
        )
        expect(banner.stdout()).toMatch(
          /^ {2}uiza login --username admin --workspace-domain localhost --save-token uiza-token$/m
        )
        const stopped = yield* banner.kill("SIGTERM")
        expect(stopped.code).toBe(0)
        expectNoSecret([stopped], [chosen])
      }),
    SPAWN_TIMEOUT
  )
})
