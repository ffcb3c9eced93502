// An OPC UA server built with node-opcua: a Boiler object with changing variables.
// Usage: node boiler-server.js <port>. Prints one JSON line {"ready": true, "url": ...} once it
// listens; runs until killed.
const {
  OPCUAServer,
  Variant,
  DataType,
  StatusCodes,
  MessageSecurityMode,
  SecurityPolicy,
} = require("node-opcua");

const port = parseInt(process.argv[2] || "4841", 10);

async function main() {
  const server = new OPCUAServer({
    port,
    hostname: "127.0.0.1",
    resourcePath: "/UA/boiler",
    buildInfo: { productName: "armature-itest-boiler", manufacturerName: "node-opcua" },
    securityModes: [MessageSecurityMode.None],
    securityPolicies: [SecurityPolicy.None],
    allowAnonymous: true,
  });
  await server.initialize();
  const addressSpace = server.engine.addressSpace;
  const namespace = addressSpace.getOwnNamespace();
  const boiler = namespace.addObject({
    organizedBy: addressSpace.rootFolder.objects,
    browseName: "Boiler",
    nodeId: "s=Boiler",
  });
  let tick = 0;
  let setpoint = 65.0;
  setInterval(() => tick++, 100);
  namespace.addVariable({
    componentOf: boiler,
    browseName: "Pressure",
    nodeId: "s=Boiler.Pressure",
    dataType: "Double",
    minimumSamplingInterval: 100,
    value: { get: () => new Variant({ dataType: DataType.Double, value: 1.5 + 0.2 * Math.sin(tick / 10) }) },
  });
  namespace.addVariable({
    componentOf: boiler,
    browseName: "Cycles",
    nodeId: "s=Boiler.Cycles",
    dataType: "UInt32",
    minimumSamplingInterval: 100,
    value: { get: () => new Variant({ dataType: DataType.UInt32, value: tick }) },
  });
  namespace.addVariable({
    componentOf: boiler,
    browseName: "Burner",
    nodeId: "s=Boiler.Burner",
    dataType: "Boolean",
    minimumSamplingInterval: 100,
    value: { get: () => new Variant({ dataType: DataType.Boolean, value: Math.floor(tick / 10) % 2 === 0 }) },
  });
  namespace.addVariable({
    componentOf: boiler,
    browseName: "Setpoint",
    nodeId: "s=Boiler.Setpoint",
    dataType: "Double",
    accessLevel: "CurrentRead | CurrentWrite",
    userAccessLevel: "CurrentRead | CurrentWrite",
    value: {
      get: () => new Variant({ dataType: DataType.Double, value: setpoint }),
      set: (variant) => {
        setpoint = variant.value;
        return StatusCodes.Good;
      },
    },
  });
  await server.start();
  console.log(JSON.stringify({ ready: true, url: server.getEndpointUrl() }));
}

main().catch((e) => {
  console.log(JSON.stringify({ ready: false, error: String(e) }));
  process.exit(1);
});
