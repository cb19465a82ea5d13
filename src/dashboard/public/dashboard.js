// The dashboard's only script: keeps #room live with the server's events (GET /events, server-sent
// events). Each event carries the room's markup, rendered and escaped on the server (src/dashboard/page.ts),
// and a one-line summary for the status line. Without this script the page still shows the room as it
// was when loaded.
const room = document.getElementById('room');
const summary = document.getElementById('summary');
const connection = document.getElementById('connection');

function say(text) {
  if (connection && connection.textContent !== text) connection.textContent = text;
}

const events = new EventSource('/events');
events.addEventListener('open', () => say('live: updates as reports arrive'));
events.addEventListener('room', (event) => {
  const data = JSON.parse(event.data);
  if (room) room.innerHTML = data.html;
  if (summary && summary.textContent !== data.summary) summary.textContent = data.summary;
  say(`live: updated ${new Date(data.at).toLocaleTimeString('en-GB', { hour12: false })}`);
  document.documentElement.dataset.updates = String(Number(document.documentElement.dataset.updates ?? 0) + 1);
});
events.addEventListener('error', () => say('reconnecting to the dashboard…'));
