import { DISPLAY_NAME_MAX } from "../../shared/protocol/messages";
import { DISPLAY_NAME_MAX_LENGTH } from "./limits";

it("keeps the form's name limit in step with the protocol's", () => {
  expect(DISPLAY_NAME_MAX_LENGTH).toBe(DISPLAY_NAME_MAX);
});
