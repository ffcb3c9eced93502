// An OPC UA server built with node-opcua: a Boiler object with changing variables, endpoints
// None/None and Basic256Sha256/SignAndEncrypt, anonymous or user "operator" / "boiler-demo".
// Usage: npm install && node boiler-server.js [port, default 4840]. Prints one JSON line
// {"ready": true, "url": ...} once it listens; runs until killed. Its certificates live in ./pki.
const {
  OPCUAServer,
  Variant,
  DataType,
  StatusCodes,
  MessageSecurityMode,
  SecurityPolicy,
  OPCUACertificateManager,
} = require("node-opcua");

const port = parseInt(process.argv[2] || "4840", 10);

async function main() {
  const server = new OPCUAServer({
    port,
    hostname: "127.0.0.1",
    resourcePath: "/UA/boiler",
    buildInfo: { productName: "armature-itest-boiler", manufacturerName: "node-opcua" },
    securityModes: [MessageSecurityMode.None, MessageSecurityMode.SignAndEncrypt],
    securityPolicies: [SecurityPolicy.None, SecurityPolicy.Basic256Sha256],
    allowAnonymous: true,
    // a demo server: it accepts every client certificate, as the test PLC does
    serverCertificateManager: new OPCUACertificateManager({
      automaticallyAcceptUnknownCertificate: true,
      rootFolder: require("path").join(__dirname, "pki"),
    }),
    userManager: { isValidUser: (user, password) => user === "operator" && password === "boiler-demo" },
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
