// Vitest's browser mode serialises failures as JSON; without this, a failed
// `it.effect` shows only "Do not know how to serialize a BigInt".
Object.defineProperty(BigInt.prototype, "toJSON", {
  value(this: bigint) {
    return this.toString()
  },
  configurable: true
})
