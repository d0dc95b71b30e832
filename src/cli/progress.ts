/** Progress for long files: a bar on a terminal, plain lines when stderr is piped. */
export interface Progress {
  step(label: string, done?: number, total?: number): void;
  end(): void;
}

export function progress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled) return { step: () => undefined, end: () => undefined };
  if (!stream.isTTY) {
    return {
      step: (label, done, total) => stream.write(total ? `${label} ${done ?? 0}/${total}\n` : `${label}\n`),
      end: () => undefined,
    };
  }
  let last = '';
  return {
    step(label, done, total) {
      const width = 24;
      const share = total ? Math.min(1, (done ?? 0) / total) : 0;
      const bar = total ? `[${'█'.repeat(Math.round(share * width)).padEnd(width, '░')}] ${Math.round(share * 100)}% ` : '';
      const line = `${bar}${label}`;
      if (line !== last) stream.write(`\r\x1b[2K${line}`);
      last = line;
    },
    end() {
      if (last) stream.write('\r\x1b[2K');
    },
  };
}
