/**
 * Usage errors, said without repeating what was typed. A value on the
 * command line may be a secret pasted in the wrong place (a token after
 * `--timeout`, a JWT as an argument), so no message quotes one: it names the
 * flag, when its name has the shape of a flag, and says what is expected.
 *
 * @effect/cli's own messages quote values (`'…' is not a integer`, `Received
 * unknown argument: '--foo=…'`): they are never printed as they are, only
 * turned into one of the sentences below.
 *
 * @internal
 */
import * as CliConfig from "@effect/cli/CliConfig"
import type * as Command from "@effect/cli/Command"
import * as CommandDescriptor from "@effect/cli/CommandDescriptor"
import * as HelpDoc from "@effect/cli/HelpDoc"
import * as Usage from "@effect/cli/Usage"
import * as ValidationError from "@effect/cli/ValidationError"
import * as Option from "effect/Option"
import { oneLine, withoutColours } from "./terminalText.js"

// Messages written by this tool: each names its flag and never holds a value.
const ownMessages = new WeakSet<HelpDoc.HelpDoc>()

/** A usage error with a message that names flags, never a value given to one. */
export const usage = (message: string): ValidationError.ValidationError => {
  const doc = HelpDoc.p(message)
  ownMessages.add(doc)
  return ValidationError.invalidValue(doc)
}

// Lowercase words joined by dashes: the shape of every flag this tool defines,
// which no token, JWT or random secret has.
const FLAG_NAME = /^--?[a-z]+(?:-[a-z]+)*$/
const COMMAND_NAME = /^[a-z]+(?:-[a-z]+)*$/

const flagName = (arg: string): Option.Option<string> => {
  const name = arg.split("=", 1)[0]
  return FLAG_NAME.test(name) && name.length <= 40 ? Option.some(name) : Option.none()
}

// The flag a rejected value was given to: `--flag=value` or `--flag value`.
const flagOfValue = (value: string, args: ReadonlyArray<string>): Option.Option<string> => {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]
    if (!arg.startsWith("-")) continue
    if (arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) === value : args[index + 1] === value) {
      return flagName(arg)
    }
  }
  return Option.none()
}

const TYPE_NAMES: Record<string, string> = {
  integer: "a whole number",
  float: "a number",
  boolean: "true or false",
  date: "a date"
}

const plainText = (doc: HelpDoc.HelpDoc): string => withoutColours(HelpDoc.toAnsiText(doc)).trim()

// One of @effect/cli's messages, as a sentence that holds no value from the command line.
const restate = (message: string, args: ReadonlyArray<string>): string => {
  let match = /^'([\s\S]*)' is not an? (\w+)$/.exec(message)
  if (match !== null) {
    const expected = TYPE_NAMES[match[2]] ?? "another kind of value"
    return Option.match(flagOfValue(match[1], args), {
      onNone: () => `a flag's value is not ${expected}`,
      onSome: (flag) => `${flag} needs ${expected}`
    })
  }
  match = /^Received unknown argument: '([\s\S]*)'$/.exec(message)
  if (match !== null) {
    const arg = match[1]
    if (!arg.startsWith("-")) {
      return COMMAND_NAME.test(arg) && arg.length <= 40
        ? `unexpected argument ${arg}`
        : "an unexpected argument (not repeated here)"
    }
    return Option.match(flagName(arg), {
      onNone: () => "an unknown flag (not repeated here)",
      onSome: (flag) => `unknown flag ${flag}, or a flag without its value`
    })
  }
  match = /^The flag '([\s\S]*)' is not recognized\. Did you mean '([\s\S]*)'\?$/.exec(message)
  if (match !== null) {
    const suggestion = Option.match(flagName(match[2]), {
      onNone: () => "",
      onSome: (flag) => `; did you mean ${flag}?`
    })
    return Option.match(flagName(match[1]), {
      onNone: () => `an unknown flag (not repeated here)${suggestion}`,
      onSome: (flag) => `unknown flag ${flag}${suggestion}`
    })
  }
  match = /^Expected to find option: '([\s\S]*)'$/.exec(message)
  if (match !== null) {
    return Option.match(flagName(match[1]), {
      onNone: () => "a required flag is missing",
      onSome: (flag) => `${flag} is required`
    })
  }
  if (/^Invalid subcommand for /.test(message)) return "unknown command"
  return "the command line is not understood"
}

// The paragraphs of a message: @effect/cli joins the errors of several flags in a sequence.
const paragraphs = (doc: HelpDoc.HelpDoc): Array<HelpDoc.HelpDoc> =>
  HelpDoc.isSequence(doc) ? [...paragraphs(doc.left), ...paragraphs(doc.right)] : HelpDoc.isEmpty(doc) ? [] : [doc]

// @effect/cli's `getSubcommands` stops one level down, so the tree is read from the
// descriptor's own nodes: a `Map` wraps a command, `Subcommands` holds the children.
interface DescriptorNode {
  readonly _tag?: string
  readonly command?: DescriptorNode
  readonly children?: ReadonlyArray<DescriptorNode>
}

const childrenOf = (descriptor: DescriptorNode): ReadonlyArray<CommandDescriptor.Command<unknown>> => {
  if (descriptor._tag === "Map" && descriptor.command !== undefined) return childrenOf(descriptor.command)
  return descriptor._tag === "Subcommands" && descriptor.children !== undefined
    ? descriptor.children as unknown as ReadonlyArray<CommandDescriptor.Command<unknown>>
    : []
}

const nameOf = (descriptor: CommandDescriptor.Command<unknown>): string =>
  Array.from(CommandDescriptor.getNames(descriptor))[0] ?? ""

/** The subcommands named on the command line, outermost first, with the innermost's descriptor. */
export const commandPath = (
  root: CommandDescriptor.Command<unknown>,
  args: ReadonlyArray<string>
): { readonly names: ReadonlyArray<string>; readonly descriptor: CommandDescriptor.Command<unknown> } => {
  const names = [nameOf(root)]
  let descriptor = root
  for (const arg of args) {
    const child = childrenOf(descriptor as DescriptorNode).find((candidate) => nameOf(candidate) === arg)
    if (child !== undefined) {
      names.push(arg)
      descriptor = child
    }
  }
  return { names, descriptor }
}

const usageLine = (names: ReadonlyArray<string>, descriptor: CommandDescriptor.Command<unknown>): string => {
  const spans = Usage.enumerate(CommandDescriptor.getUsage(descriptor), CliConfig.defaultConfig)
  // The usage starts with the innermost command's name; the line shows the whole path.
  const usage = spans.length === 0 ? "" : plainText(HelpDoc.p(spans[0])).split(" ").slice(1).join(" ")
  return [...names, ...(usage.length > 0 ? [usage] : [])].join(" ")
}

/**
 * What to print for a usage error of `root` run with `args` (the arguments
 * after the executable): the problem, the usage line and where the help is.
 */
export const describeUsageError = <Name extends string, R, E, A>(
  error: ValidationError.ValidationError,
  root: Command.Command<Name, R, E, A>,
  args: ReadonlyArray<string>
): string => {
  const problems = paragraphs(error.error).map((doc) =>
    ownMessages.has(doc) ? plainText(doc) : restate(plainText(doc), args)
  )
  const { descriptor, names } = commandPath(root.descriptor as CommandDescriptor.Command<unknown>, args)
  const command = names.join(" ")
  const subcommands = childrenOf(descriptor as DescriptorNode).map(nameOf)
  return [
    ...(problems.length === 0 ? ["the command line is not understood"] : problems).map((problem) =>
      `${command}: ${oneLine(problem, 300)}`
    ),
    subcommands.length > 0
      ? `usage: ${command} <command>, one of: ${subcommands.join(", ")}`
      : `usage: ${usageLine(names, descriptor)}`,
    `${command} --help describes each flag; values given on the command line are never repeated back.`
  ].join("\n")
}
