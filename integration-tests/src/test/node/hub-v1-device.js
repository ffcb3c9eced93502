// A device on armature.hub.v1.DeviceHub, from its .proto alone.
// usage: node hub-v1-device.js <armature_hub_v1.proto> <host:port> <token> batches <tenant> <device> <batches> <per batch> <start epoch ms>
//        node hub-v1-device.js <armature_hub_v1.proto> <host:port> <token> commands <tenant> <device>
// batches: prints {"ok": true, "acks": n, "accepted": a, "rejected": r, "reasons": {...}}
// commands: prints {"subscribed": true}, then for the first command {"command": {...}} after answering it
'use strict';
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const [protoPath, address, token, mode, ...args] = process.argv.slice(2);
const definition = protoLoader.loadSync(protoPath, { keepCase: true, longs: Number, defaults: true });
const DeviceHub = grpc.loadPackageDefinition(definition).armature.hub.v1.DeviceHub;
const client = new DeviceHub(address, grpc.credentials.createInsecure());
const metadata = new grpc.Metadata();
metadata.add('authorization', 'Bearer ' + token);

function print(value) {
  process.stdout.write(JSON.stringify(value) + '\n');
}

if (mode === 'batches') {
  const [tenant, device, batchesText, perBatchText, startText] = args;
  const batches = Number(batchesText);
  const perBatch = Number(perBatchText);
  const start = Number(startText);
  const summary = { ok: true, acks: 0, accepted: 0, rejected: 0, reasons: {} };
  const call = client.StreamSamples(metadata);
  call.on('data', (ack) => {
    summary.acks++;
    summary.accepted += ack.accepted;
    summary.rejected += ack.rejected;
    for (const r of ack.rejections) {
      summary.reasons[r.reason] = (summary.reasons[r.reason] || 0) + 1;
    }
  });
  call.on('error', (err) => { print({ ok: false, code: err.code, details: err.details }); process.exit(1); });
  call.on('end', () => { print(summary); client.close(); });
  let b = 0;
  function write() {
    while (b < batches) {
      const samples = [];
      for (let i = 0; i < perBatch; i++) {
        const n = b * perBatch + i;
        samples.push({ device, metric: 'm', time_unix_micros: (start + n) * 1000, value: n });
      }
      b++;
      if (!call.write({ sequence: b, tenant, samples })) {
        call.once('drain', write);
        return;
      }
    }
    call.end();
  }
  write();
} else if (mode === 'commands') {
  const [tenant, device] = args;
  const call = client.ReceiveCommands({ tenant, device }, metadata);
  call.on('metadata', () => print({ subscribed: true }));
  call.on('data', (command) => {
    client.AnswerCommand(
      { tenant, device, id: command.id, success: true, message: 'done: ' + command.name },
      metadata,
      (err, ack) => {
        print({ command, answered: !err && ack.known });
        call.cancel();
        client.close();
        process.exit(0);
      });
  });
  call.on('error', (err) => {
    if (err.code !== grpc.status.CANCELLED) {
      print({ ok: false, code: err.code, details: err.details });
      process.exit(1);
    }
  });
} else {
  process.stderr.write('unknown mode ' + mode + '\n');
  process.exit(2);
}
