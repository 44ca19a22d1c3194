/**
 * Field checks of request bodies and queries. Each check reads one field,
 * records a field error (`{type, field, message}`, as the API's 422 replies
 * list them) when the value is wrong, and returns the value when it is right.
 * A route collects every error before answering, so one reply names them all.
 */
import type { FieldError } from "./envelopes.js"

/** The documented bounds of a password. */
export const passwordLength = { min: 6, max: 25 } as const

const quoted = (field: string) => `The '${field}' field`

export const fieldError = {
  required: (field: string): FieldError => ({ type: "required", field, message: `${quoted(field)} is required!` }),
  string: (field: string): FieldError => ({ type: "string", field, message: `${quoted(field)} must be a string!` }),
  stringEmpty: (field: string): FieldError => ({
    type: "stringEmpty",
    field,
    message: `${quoted(field)} must not be empty!`
  }),
  stringMin: (field: string, min: number): FieldError => ({
    type: "stringMin",
    field,
    message: `${quoted(field)} length must be greater than or equal to ${min} characters long!`
  }),
  stringMax: (field: string, max: number): FieldError => ({
    type: "stringMax",
    field,
    message: `${quoted(field)} length must be less than or equal to ${max} characters long!`
  }),
  email: (field: string): FieldError => ({ type: "email", field, message: `${quoted(field)} must be a valid e-mail!` }),
  enumValue: (field: string, allowed: ReadonlyArray<number>): FieldError => ({
    type: "enumValue",
    field,
    message: `${quoted(field)} must be one of ${allowed.join(", ")}!`
  }),
  date: (field: string): FieldError => ({
    type: "date",
    field,
    message: `${quoted(field)} must be a date in the MM/DD/YYYY format!`
  }),
  number: (field: string, min: number, max: number): FieldError => ({
    type: "number",
    field,
    message: `${quoted(field)} must be an integer from ${min} to ${max}!`
  }),
  unique: (field: string): FieldError => ({ type: "unique", field, message: `${quoted(field)} is already taken!` }),
  mismatch: (field: string): FieldError => ({
    type: "mismatch",
    field,
    message: `${quoted(field)} does not match the current password!`
  })
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const dobPattern = /^(\d{2})\/(\d{2})\/(\d{4})$/

const characters = (text: string) => Array.from(text).length

/** Whether `MM/DD/YYYY` names a day that exists. */
export const isDob = (text: string): boolean => {
  const match = dobPattern.exec(text)
  if (match === null) return false
  const [month, day, year] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

interface StringRule {
  /** Absent is an error. */
  readonly required?: boolean
  /** Blank is an error (implied by `required`). */
  readonly nonEmpty?: boolean
  readonly min?: number
  readonly max?: number
  readonly email?: boolean
  readonly dob?: boolean
}

/** The checks of one JSON body; `errors` holds what failed so far. */
export const checkBody = (body: Readonly<Record<string, unknown>>) => {
  const errors: Array<FieldError> = []
  // `null` is taken as absent: clients that serialise every field send it for the unset ones.
  const read = (field: string) => (body[field] === null ? undefined : body[field])

  const string = (field: string, rule: StringRule = {}): string | undefined => {
    const value = read(field)
    if (value === undefined) {
      if (rule.required === true) errors.push(fieldError.required(field))
      return undefined
    }
    if (typeof value !== "string") return void errors.push(fieldError.string(field))
    if ((rule.required === true || rule.nonEmpty === true) && value.trim().length === 0) {
      return void errors.push(fieldError.stringEmpty(field))
    }
    if (rule.min !== undefined && characters(value) < rule.min) {
      return void errors.push(fieldError.stringMin(field, rule.min))
    }
    if (rule.max !== undefined && characters(value) > rule.max) {
      return void errors.push(fieldError.stringMax(field, rule.max))
    }
    if (rule.email === true && !emailPattern.test(value)) return void errors.push(fieldError.email(field))
    if (rule.dob === true && !isDob(value)) return void errors.push(fieldError.date(field))
    return value
  }

  /** A 0/1 integer field (`status`, `gender`, `isAdmin`). */
  const flag = (field: string, required = false): 0 | 1 | undefined => {
    const value = read(field)
    if (value === undefined) {
      if (required) errors.push(fieldError.required(field))
      return undefined
    }
    if (value !== 0 && value !== 1) return void errors.push(fieldError.enumValue(field, [0, 1]))
    return value
  }

  const password = (field: string, required = true) =>
    string(field, { required, min: passwordLength.min, max: passwordLength.max })

  return { errors, string, flag, password }
}

/** An integer query parameter within bounds, or its default when absent. */
export const queryInteger = (
  query: URLSearchParams,
  field: string,
  bounds: { readonly min: number; readonly max: number; readonly default: number },
  errors: Array<FieldError>
): number => {
  const text = query.get(field)
  if (text === null || text === "") return bounds.default
  const value = Number(text)
  if (!/^\d+$/.test(text) || value < bounds.min || value > bounds.max) {
    errors.push(fieldError.number(field, bounds.min, bounds.max))
    return bounds.default
  }
  return value
}
