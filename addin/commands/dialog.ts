// The message dialog page: shows the title and message from its query; Close tells the command it was seen.
function show(): void {
  const params = new URLSearchParams(window.location.search);
  const title = document.getElementById('title');
  const message = document.getElementById('message');
  if (title) title.textContent = params.get('title') ?? 'Rulesheet';
  if (message) message.textContent = params.get('message') ?? '';
  document.getElementById('close')?.addEventListener('click', () => Office.context.ui.messageParent('close'));
}

Office.onReady(show);
