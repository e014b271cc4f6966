/**
 * Resolves after the tasks already queued (a message, an IndexedDB answer) have run: a pause in
 * long work, so a worker answers meanwhile, without setTimeout's 4 ms clamp.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
