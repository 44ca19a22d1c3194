/** The replies the benchmarks serve and read: users as the API sends them. */

/** A user as the API sends it (the recorded retrieve reply's fields), numbered. */
export const userWire = (index: number) => ({
  id: `5e0c6a3e-8d2f-4b7a-9c41-${index.toString(16).padStart(12, "0")}`,
  isAdmin: index === 0 ? 1 : 0,
  username: `user_test_${index}`,
  email: `user_test_${index}@uiza.io`,
  avatar: "https://exemple.com/avatar.jpeg",
  fullName: `User Test ${index}`,
  updatedAt: "2019-03-01T07:52:01.000Z",
  createdAt: "2019-03-01T07:52:01.000Z",
  status: 1
})
