/**
 * Child process for the crash test: opens the store in argv[2], then inserts documents from
 * several concurrent loops and prints each `_id` only after its insert was acknowledged.
 * The test SIGKILLs this process at random and checks every printed id survived.
 */
import mongoose from "mongoose";
import { startEmbeddedMongo } from "../index";

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  const round = process.argv[3] ?? "0";
  if (round === "probe") {
    // Lock probe: opening a directory another live process holds must fail.
    await startEmbeddedMongo({ dataDir }).then(
      () => process.exit(0),
      (err: Error) => {
        process.stderr.write(err.message);
        process.exit(3);
      },
    );
  }
  const store = await startEmbeddedMongo({ dataDir });
  const client = new mongoose.mongo.MongoClient(store.uri, { maxPoolSize: 4 });
  await client.connect();
  const coll = client.db("crash").collection("acks");
  process.stdout.write("READY\n");
  let n = 0;
  const loop = async (worker: number): Promise<never> => {
    for (;;) {
      const _id = `r${round}-w${worker}-${n++}`;
      await coll.insertOne({ _id: _id as never, payload: "x".repeat(200), at: new Date() });
      process.stdout.write(`${_id}\n`);
    }
  };
  await Promise.all([0, 1, 2, 3].map(loop));
}

main().catch((err) => {
  process.stderr.write(`crashWriter: ${(err as Error).stack}\n`);
  process.exit(1);
});
