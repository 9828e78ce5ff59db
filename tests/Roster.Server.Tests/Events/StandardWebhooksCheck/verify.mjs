// Verifies one delivery with the standardwebhooks package (not Roster's code): reads
// {"secret","id","timestamp","signature","body"} on standard input, prints the event's type,
// exits 1 with the package's error when the signature does not verify.
import { Webhook } from "standardwebhooks";

let input = "";
for await (const chunk of process.stdin) {
  input += chunk;
}

const { secret, id, timestamp, signature, body } = JSON.parse(input);
try {
  const event = new Webhook(secret).verify(body, {
    "webhook-id": id,
    "webhook-timestamp": timestamp,
    "webhook-signature": signature,
  });
  console.log(`verified ${event.type}`);
} catch (error) {
  console.error(`not verified: ${error.message}`);
  process.exit(1);
}
