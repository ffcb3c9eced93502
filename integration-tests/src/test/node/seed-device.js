// A seed device: loads only the seed's hub.proto (no Armature code) and talks to a hub.
// usage: node seed-device.js <hub.proto> <host:port> <token or -> stream <tenant> <device> <metric> <count> <start epoch ms> [invalid every n]
//        node seed-device.js <hub.proto> <host:port> <token or -> status <tenant> <device> <status>
// prints one JSON line: {"ok": true, ...} or {"ok": false, "code": <grpc status>, "details": "..."}
'use strict';
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const [protoPath, address, token, mode, ...args] = process.argv.slice(2);
const definition = protoLoader.loadSync(protoPath, { keepCase: true, longs: Number, defaults: false });
const Hub = grpc.loadPackageDefinition(definition).Hub;
// HUB_CA=<PEM file>: TLS, trusting that CA (or self-signed certificate)
const credentials = process.env.HUB_CA
  ? grpc.credentials.createSsl(require('fs').readFileSync(process.env.HUB_CA))
  : grpc.credentials.createInsecure();
const client = new Hub(address, credentials);
const metadata = new grpc.Metadata();
if (token && token !== '-') {
  metadata.add('authorization', 'Bearer ' + token);
}

function done(err, extra) {
  const out = err ? { ok: false, code: err.code, details: err.details } : { ok: true, ...extra };
  process.stdout.write(JSON.stringify(out) + '\n');
  client.close();
}

function timestamp(ms) {
  return { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1e6 };
}

if (mode === 'stream') {
  const [tenant, device, metric, countText, startText, invalidText] = args;
  const count = Number(countText);
  const start = Number(startText);
  const invalidEvery = invalidText ? Number(invalidText) : 0;
  let sent = 0;
  let invalid = 0;
  const call = client.SendNumericScalarValues(metadata, (err) => done(err, { sent, invalid }));
  let i = 0;
  function write() {
    while (i < count) {
      let message;
      if (invalidEvery > 0 && i % invalidEvery === invalidEvery - 1) {
        // no metric identifier: refused by the hub, the stream goes on
        message = { tenant_identifier: tenant, device_identifier: device, metric_identifier: '', value: i, timestamp: timestamp(start + i) };
        invalid++;
      } else {
        message = {
          tenant_identifier: tenant, device_identifier: device, metric_identifier: metric, value: i,
          unit: 'Cel', display_name: 'Temperature', timestamp: timestamp(start + i),
        };
        sent++;
      }
      i++;
      if (!call.write(message)) {
        call.once('drain', write);
        return;
      }
    }
    call.end();
  }
  write();
} else if (mode === 'status') {
  const [tenant, device, status] = args;
  client.SendDeviceStatus(
    { tenant_identifier: tenant, device_identifier: device, status, timestamp: timestamp(Date.now()) },
    metadata,
    (err) => done(err, {}));
} else {
  process.stderr.write('unknown mode ' + mode + '\n');
  process.exit(2);
}
