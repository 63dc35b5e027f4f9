// `SIP_DEVICE_PASSWORD=… npm run sip:device:create -- --login kiosk1 --location "Main entrance"
//   [--institution stacks] [--operations checkout,checkin,renew,patron,item]`: adds a SIP2 device
// account (docs/sip2.md). The password comes from SIP_DEVICE_PASSWORD, never the command line.
import "./environment";
import { parseArgs } from "node:util";
import { db } from "../lib/db";
import { isDomainError } from "../lib/errors";
import { createSipDevice } from "../lib/sip2/create-device";
import { sipDeviceSchema } from "../lib/sip2/device-schemas";
import { parseInput } from "../lib/validation";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { login: { type: "string" }, location: { type: "string" }, institution: { type: "string" }, operations: { type: "string" } } });
  const password = process.env.SIP_DEVICE_PASSWORD;
  if (!values.login || !password) throw new Error("Give --login and the password in SIP_DEVICE_PASSWORD.");
  const input = parseInput(sipDeviceSchema, {
    login: values.login,
    password,
    location: values.location,
    institutionId: values.institution,
    operations: (values.operations ?? "checkout,checkin,renew,patron,item").split(",").map((s) => s.trim()),
  });
  const device = await createSipDevice(db, input, null);
  console.log(`SIP2 device ${device.login} created (institution ${device.institutionId}, operations ${device.allowedOperations}).`);
}

main()
  .catch((e) => {
    const fields = isDomainError(e) ? Object.entries(e.fields ?? {}).map(([name, message]) => `${name}: ${message}`) : [];
    console.error(isDomainError(e) ? [e.message, ...fields].join(" ") : `Could not create the device: ${(e as Error).message}`);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
