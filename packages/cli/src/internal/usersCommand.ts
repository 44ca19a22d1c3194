/**
 * `uiza users list|get|create|update|delete|change-password`: the user
 * operations of the SDK, with tables for people and `--json` for scripts.
 *
 * @internal
 */
import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import type * as ValidationError from "@effect/cli/ValidationError"
import type * as FileSystem from "@effect/platform/FileSystem"
import type * as Path from "@effect/platform/Path"
import type * as Terminal from "@effect/platform/Terminal"
import { User } from "@uiza-effect/core"
import * as Chunk from "effect/Chunk"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { type ApiFlags, printSuccess, runApi, usageFailure } from "./apiCommand.js"
import { connectionOptions } from "./connection.js"
import { CliExit, ExitCode } from "./exit.js"
import { json, usage } from "./flags.js"
import { readSecret, readSecretPair, readsStdin, type SecretSource, secretSource } from "./secretInput.js"
import { userFields, usersTable } from "./table.js"
import { printable } from "./terminalText.js"

const apiOptions = { ...connectionOptions, json }

const encodeUserSync = Schema.encodeSync(User.User)
const encodeUser = (user: User.User) => encodeUserSync(user)

const countOf = (count: number): string => `${count} user${count === 1 ? "" : "s"}`

const stdinConflict = (flags: ApiFlags, secretsFromStdin: boolean) =>
  secretsFromStdin && flags.token._tag === "Stdin"
    ? usageFailure(
      "uiza users: standard input can carry the token or the passwords, not both: " +
        "give the token with --token-file or UIZA_AUTHORIZATION."
    )
    : Effect.void

const newPassword = (source: SecretSource, what: string, message: string) =>
  readSecret(source, {
    setting: "password",
    fileFlag: "--password-file",
    flags: "--password-file <path> or --password-stdin",
    what,
    message,
    confirm: true
  })

// --- list ---------------------------------------------------------------------

export interface ListFlags extends ApiFlags {
  readonly page: Option.Option<number>
  readonly limit: Option.Option<number>
  readonly all: boolean
}

const runList = (flags: ListFlags) =>
  runApi(
    flags,
    Effect.gen(function*() {
      if (flags.all) {
        if (Option.isSome(flags.page)) {
          return yield* usageFailure("uiza users list: --all lists every page; drop --page.")
        }
        const users = Chunk.toReadonlyArray(
          yield* Stream.runCollect(User.listAll({ limit: Option.getOrUndefined(flags.limit) }))
        )
        return yield* printSuccess(
          flags,
          { items: users.map(encodeUser), total: users.length },
          users.length === 0 ? "No users." : `${usersTable(users)}\n${countOf(users.length)}.`
        )
      }
      const page = yield* User.list({
        page: Option.getOrUndefined(flags.page),
        limit: Option.getOrUndefined(flags.limit)
      })
      const footer = `page ${page.page}, ${page.limit} a page; ${countOf(page.total)} in all.`
      return yield* printSuccess(
        flags,
        { items: page.items.map(encodeUser), total: page.total, page: page.page, limit: page.limit },
        page.items.length === 0 ? `No users on ${footer}` : `${usersTable(page.items)}\n${footer}`
      )
    })
  )

const list = Command.make("list", {
  ...apiOptions,
  page: Options.integer("page").pipe(Options.withDescription("The page to show, from 1."), Options.optional),
  limit: Options.integer("limit").pipe(
    Options.withDescription("Users a page (the API's default is 20)."),
    Options.optional
  ),
  all: Options.boolean("all").pipe(Options.withDescription("Every user: fetch page after page until the last."))
}, runList).pipe(
  Command.withDescription(
    "List users: one page (--page, --limit) or --all. A normal user's token lists only that user."
  )
)

// --- get ----------------------------------------------------------------------

const idArg = Args.text({ name: "id" }).pipe(Args.withDescription("The user's id."))

export interface GetFlags extends ApiFlags {
  readonly id: string
}

const runGet = (flags: GetFlags) =>
  runApi(
    flags,
    Effect.flatMap(User.retrieve(flags.id), (user) => printSuccess(flags, encodeUser(user), userFields(user)))
  )

const get = Command.make("get", { ...apiOptions, id: idArg }, runGet).pipe(
  Command.withDescription("Show one user.")
)

// --- create and update: the fields ------------------------------------------------

const isDay = (year: number, month: number, day: number): boolean => {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

// MM/DD/YYYY as the API spells it, or an ISO day (YYYY-MM-DD); the day is taken in UTC.
const parseDay = (text: string): Effect.Effect<Date, ValidationError.ValidationError> => {
  const american = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text)
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  const [year, month, day] = american !== null
    ? [Number(american[3]), Number(american[1]), Number(american[2])]
    : iso !== null
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : [NaN, NaN, NaN]
  return isDay(year, month, day)
    ? Effect.succeed(new Date(Date.UTC(year, month - 1, day)))
    : Effect.fail(usage("--dob must be a day as MM/DD/YYYY or YYYY-MM-DD, such as 12/10/1815 or 1815-12-10."))
}

const status = Options.choice("status", ["active", "inactive"]).pipe(
  Options.withDescription("active or inactive (an inactive user cannot log in).")
)

const profileOptions = {
  fullName: Options.text("full-name").pipe(Options.withDescription("The user's full name."), Options.optional),
  avatar: Options.text("avatar").pipe(Options.withDescription("The URL of the user's picture."), Options.optional),
  dob: Options.text("dob").pipe(
    Options.withPseudoName("day"),
    Options.withDescription("The date of birth: MM/DD/YYYY or YYYY-MM-DD."),
    Options.mapEffect(parseDay),
    Options.optional
  ),
  gender: Options.choice("gender", ["male", "female"]).pipe(
    Options.withDescription("male or female."),
    Options.optional
  )
}

interface Profile {
  readonly fullName: Option.Option<string>
  readonly avatar: Option.Option<string>
  readonly dob: Option.Option<Date>
  readonly gender: Option.Option<"male" | "female">
}

const profileInput = (flags: Profile) => ({
  ...Option.match(flags.fullName, { onNone: () => ({}), onSome: (fullName) => ({ fullName }) }),
  ...Option.match(flags.avatar, { onNone: () => ({}), onSome: (avatar) => ({ avatar }) }),
  ...Option.match(flags.dob, { onNone: () => ({}), onSome: (dob) => ({ dob }) }),
  ...Option.match(flags.gender, { onNone: () => ({}), onSome: (gender) => ({ gender }) })
})

// --- create -------------------------------------------------------------------

export interface CreateFlags extends ApiFlags, Profile {
  readonly username: string
  readonly email: string
  readonly status: "active" | "inactive"
  readonly admin: boolean
  readonly password: SecretSource
}

const runCreate = (flags: CreateFlags) =>
  runApi(
    flags,
    Effect.gen(function*() {
      yield* stdinConflict(flags, readsStdin(flags.password))
      const password = yield* newPassword(
        flags.password,
        "password for the new user",
        `Password for ${printable(flags.username)}`
      )
      const user = yield* User.create({
        username: flags.username,
        email: flags.email,
        password,
        status: flags.status,
        isAdmin: flags.admin,
        ...profileInput(flags)
      })
      yield* printSuccess(
        flags,
        encodeUser(user),
        `Created user ${printable(user.username)}.\n${userFields(user)}`
      )
    })
  )

const create = Command.make("create", {
  ...apiOptions,
  username: Options.text("username").pipe(Options.withDescription("The new user's username.")),
  email: Options.text("email").pipe(Options.withDescription("The new user's email.")),
  status,
  ...profileOptions,
  admin: Options.boolean("admin").pipe(Options.withDescription("Make the user an admin.")),
  password: secretSource("password", "the new user's password (6 to 25 characters)")
}, runCreate).pipe(
  Command.withDescription(
    "Create a user. The password is asked for twice without echo in a terminal, or read from --password-file " +
      "or --password-stdin; never from an argument."
  )
)

// --- update -------------------------------------------------------------------

export interface UpdateFlags extends ApiFlags, Profile {
  readonly id: string
  readonly username: Option.Option<string>
  readonly email: Option.Option<string>
  readonly status: Option.Option<"active" | "inactive">
  readonly admin: Option.Option<boolean>
  readonly password: Option.Option<SecretSource>
}

const adminChange = Options.all({
  admin: Options.boolean("admin").pipe(Options.withDescription("Make the user an admin.")),
  notAdmin: Options.boolean("no-admin").pipe(Options.withDescription("Make the user a normal user."))
}).pipe(
  Options.mapEffect(({ admin, notAdmin }): Effect.Effect<Option.Option<boolean>, ValidationError.ValidationError> =>
    admin && notAdmin
      ? Effect.fail(usage("Give either --admin or --no-admin, not both."))
      : Effect.succeed(admin ? Option.some(true) : notAdmin ? Option.some(false) : Option.none())
  )
)

// For update a password is set only when a flag says so: no flag means "leave it".
const passwordChange = secretSource("password", "a new password for the user (6 to 25 characters)").pipe(
  Options.map((source) => source._tag === "Prompt" ? Option.none() : Option.some(source))
)

const runUpdate = (flags: UpdateFlags) =>
  runApi(
    flags,
    Effect.gen(function*() {
      const fields = {
        ...Option.match(flags.username, { onNone: () => ({}), onSome: (username) => ({ username }) }),
        ...Option.match(flags.email, { onNone: () => ({}), onSome: (email) => ({ email }) }),
        ...Option.match(flags.status, { onNone: () => ({}), onSome: (status) => ({ status }) }),
        ...Option.match(flags.admin, { onNone: () => ({}), onSome: (isAdmin) => ({ isAdmin }) }),
        ...profileInput(flags)
      }
      if (Object.keys(fields).length === 0 && Option.isNone(flags.password)) {
        return yield* usageFailure(
          "uiza users update: nothing to change; give at least one field (uiza users update --help)."
        )
      }
      yield* stdinConflict(flags, Option.exists(flags.password, readsStdin))
      const password: Option.Option<Redacted.Redacted<string>> = Option.isSome(flags.password)
        ? Option.some(yield* newPassword(flags.password.value, "new password", "New password"))
        : Option.none()
      const user = yield* User.update({
        id: flags.id,
        ...fields,
        ...Option.match(password, { onNone: () => ({}), onSome: (password) => ({ password }) })
      })
      yield* printSuccess(flags, encodeUser(user), `Updated user ${printable(user.username)}.\n${userFields(user)}`)
    })
  )

const update = Command.make("update", {
  ...apiOptions,
  id: idArg,
  username: Options.text("username").pipe(Options.withDescription("A new username."), Options.optional),
  email: Options.text("email").pipe(Options.withDescription("A new email."), Options.optional),
  status: Options.optional(status),
  ...profileOptions,
  admin: adminChange,
  password: passwordChange
}, runUpdate).pipe(
  Command.withDescription(
    "Change a user's fields; those not given stay as they are. A new password comes from --password-file or " +
      "--password-stdin (which asks without echo in a terminal); never from an argument."
  )
)

// --- delete -------------------------------------------------------------------

const runDelete = (flags: GetFlags) =>
  runApi(
    flags,
    Effect.zipRight(
      User.delete(flags.id),
      printSuccess(flags, { id: flags.id }, `Deleted user ${printable(flags.id)}; its tokens are revoked.`)
    )
  )

const deleteCommand = Command.make("delete", { ...apiOptions, id: idArg }, runDelete).pipe(
  Command.withDescription("Delete a user. The API revokes the user's tokens with it.")
)

// --- change-password ----------------------------------------------------------

export interface ChangePasswordFlags extends ApiFlags {
  readonly id: Option.Option<string>
  readonly oldPasswordFile: Option.Option<string>
  readonly newPasswordFile: Option.Option<string>
  readonly passwordsStdin: boolean
}

const readPasswords = (flags: ChangePasswordFlags) => {
  const without = "--old-password-file <path> and --new-password-file <path>, or --passwords-stdin"
  const source = (file: Option.Option<string>): SecretSource =>
    Option.match(file, { onNone: () => ({ _tag: "Prompt" }), onSome: (path) => ({ _tag: "File", path }) })
  return Effect.zip(
    readSecret(source(flags.oldPasswordFile), {
      setting: "oldPassword",
      fileFlag: "--old-password-file",
      flags: without,
      what: "current password",
      message: "Current password"
    }),
    readSecret(source(flags.newPasswordFile), {
      setting: "newPassword",
      fileFlag: "--new-password-file",
      flags: without,
      what: "new password",
      message: "New password",
      confirm: true
    })
  )
}

const runChangePassword = (flags: ChangePasswordFlags) =>
  runApi(
    flags,
    Effect.gen(function*() {
      if (flags.passwordsStdin && (Option.isSome(flags.oldPasswordFile) || Option.isSome(flags.newPasswordFile))) {
        return yield* usageFailure(
          "uiza users change-password: give --passwords-stdin or the password files, not both."
        )
      }
      yield* stdinConflict(flags, flags.passwordsStdin)
      const [oldPassword, newPassword] = flags.passwordsStdin && !process.stdin.isTTY
        ? yield* readSecretPair(["oldPassword", "newPassword"])
        : yield* readPasswords(flags)
      const id = Option.getOrUndefined(flags.id)
      yield* User.changePassword(id === undefined ? { oldPassword, newPassword } : { id, oldPassword, newPassword })
      yield* printSuccess(
        flags,
        id === undefined ? {} : { id },
        id === undefined
          ? "Changed the password of the token's user."
          : `Changed the password of user ${printable(id)}.`
      )
    })
  )

const changePassword = Command.make("change-password", {
  ...apiOptions,
  id: Args.optional(Args.text({ name: "id" })).pipe(
    Args.withDescription("The user's id; without it, the user of the token.")
  ),
  oldPasswordFile: Options.text("old-password-file").pipe(
    Options.withPseudoName("path"),
    Options.withDescription("Read the current password from this file."),
    Options.optional
  ),
  newPasswordFile: Options.text("new-password-file").pipe(
    Options.withPseudoName("path"),
    Options.withDescription("Read the new password (6 to 25 characters) from this file."),
    Options.optional
  ),
  passwordsStdin: Options.boolean("passwords-stdin").pipe(
    Options.withDescription(
      "Read both from standard input: the current password on the first line, the new one on the second."
    )
  )
}, runChangePassword).pipe(
  Command.withDescription(
    "Change a password. Both passwords are asked for without echo in a terminal, or read from files or standard " +
      "input; never from an argument."
  )
)

// --- users --------------------------------------------------------------------

export type UsersSubcommandFlags =
  | ListFlags
  | GetFlags
  | CreateFlags
  | UpdateFlags
  | ChangePasswordFlags

export const users: Command.Command<
  "users",
  FileSystem.FileSystem | Path.Path | Terminal.Terminal,
  CliExit,
  { readonly subcommand: Option.Option<UsersSubcommandFlags> }
> = Command.make("users", {}, () =>
  Effect.zipRight(
    Console.error(
      "uiza users: a subcommand is needed: list, get, create, update, delete, change-password (uiza users --help)."
    ),
    Effect.fail(new CliExit({ exitCode: ExitCode.Usage }))
  )).pipe(
    Command.withDescription("Manage the workspace's users."),
    Command.withSubcommands([list, get, create, update, deleteCommand, changePassword])
  )
