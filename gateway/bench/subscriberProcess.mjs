// Subscribers for bench/subscriptions.ts, in a process of their own: parsing 10,000 clients'
// messages must not compete with the gateway's thread, and one process may hold only 20,000 open
// files here (10,000 sockets on each side). Plain JavaScript: started with `fork`, no loader.
import WebSocket from 'ws';

const { url, count, token, query } = JSON.parse(process.argv[2]);
const parentPort = {
  postMessage: (message) => process.send(message),
  on: (event, listener) => process.on(event, listener),
};
const sockets = [];
let delivered = 0;
const latencies = [];

function connect() {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
    );
    socket.on('message', (raw) => {
      const message = JSON.parse(raw.toString());
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
        resolve(socket);
      } else if (message.type === 'next') {
        delivered++;
        // The event id carries its publish time (performance.timeOrigin-based, shared by threads).
        const sentAt = Number(message.payload.data.orderUpdates.id.slice(1));
        latencies.push(performance.timeOrigin + performance.now() - sentAt);
      }
    });
    socket.on('error', reject);
  });
}

for (let opened = 0; opened < count; opened += 200) {
  sockets.push(...(await Promise.all(Array.from({ length: Math.min(200, count - opened) }, connect))));
}
parentPort.postMessage({ type: 'ready' });
parentPort.on('message', (message) => {
  if (message === 'report') {
    const { user, system } = process.cpuUsage();
    parentPort.postMessage({ type: 'report', delivered, latencies, cpuMicros: user + system });
  }
  if (message === 'close') {
    for (const socket of sockets) socket.terminate();
    parentPort.postMessage({ type: 'closed' });
  }
});
