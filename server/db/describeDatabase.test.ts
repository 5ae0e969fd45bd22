import path from "node:path";
import { describeDatabase } from "./describeDatabase";

test("the embedded store is named by its directory", () => {
  expect(describeDatabase({ dataDir: "/srv/deskmap" })).toBe(`embedded store in ${path.join("/srv/deskmap", "db")}`);
});

test("an external MongoDB shows its hosts but never its credentials", () => {
  const text = describeDatabase({ dataDir: "/x", mongodbUri: "mongodb://ann:s3cr@t@db1:27017,db2:27017/office?authSource=admin" });
  expect(text).toBe("MongoDB at db1:27017,db2:27017 (MONGODB_URI)");
  expect(describeDatabase({ dataDir: "/x", mongodbUri: "mongodb+srv://cluster.example.net" })).toBe("MongoDB at cluster.example.net (MONGODB_URI)");
});
