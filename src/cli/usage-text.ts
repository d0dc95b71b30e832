/**
 * commander's usage errors (unknown option, missing argument, unknown command …) in Chinese and
 * English, like every other message of the CLI. commander writes its own English line through
 * Command.error(); a command made here turns that call into a UsageError (exit 2) whose text is
 * worked out from the error's code and the names commander quotes, and ends with where the usage is.
 */
import { Command, Help, type Option } from 'commander';
import { UsageError } from './usage-error';

/** What commander quotes in its message: 'x' parts, and a "(Did you mean …?)" suggestion. */
function quoted(message: string): { names: string[]; suggestion: string | null } {
  const names = Array.from(message.matchAll(/'([^']*)'/g), (match) => match[1]);
  const suggestion = /\(Did you mean (.+?)\?\)/.exec(message)?.[1] ?? null;
  return { names, suggestion };
}

/** Chinese and English for a commander error raised on `command`. */
export function usageText(command: Command, code: string, message: string): { zh: string; en: string } {
  const { names, suggestion } = quoted(message);
  const [first = ''] = names;
  const path = commandPath(command);
  const hintZh = `（用法见 ${path} --help${suggestion ? `；是否要输入 ${suggestion}？` : ''}）`;
  const hintEn = ` (usage: ${path} --help${suggestion ? `; did you mean ${suggestion}?` : ''})`;
  switch (code) {
    case 'commander.unknownOption':
      return { zh: `未知的选项 ${first}${hintZh}`, en: `unknown option ${first}${hintEn}` };
    case 'commander.unknownCommand': {
      const known = command.commands.map((c) => c.name());
      const listZh = known.length > 1 ? `${known.slice(0, -1).join('、')} 或 ${known[known.length - 1]}` : known.join('');
      const listEn = known.length > 1 ? `${known.slice(0, -1).join(', ')} or ${known[known.length - 1]}` : known.join('');
      return { zh: `未知的命令 ${first}：应为 ${listZh}${hintZh}`, en: `unknown command ${first}: use ${listEn}${hintEn}` };
    }
    case 'commander.missingArgument': {
      const described = command.registeredArguments.find((argument) => argument.name() === first)?.description;
      return { zh: `缺少参数 <${first}>${described ? `（${described}）` : ''}${hintZh}`, en: `missing argument <${first}>${hintEn}` };
    }
    case 'commander.optionMissingArgument':
      return { zh: `选项 ${first} 缺少值${hintZh}`, en: `option ${first} needs a value${hintEn}` };
    case 'commander.missingMandatoryOptionValue':
      return { zh: `缺少必需的选项 ${first}${hintZh}`, en: `required option ${first} not given${hintEn}` };
    case 'commander.excessArguments': {
      const [expected = '?', got = '?'] = Array.from(message.matchAll(/(\d+)/g), (match) => match[1]);
      return { zh: `参数过多：${path} 需要 ${expected} 个参数，收到 ${got} 个${hintZh}`, en: `too many arguments: ${path} takes ${expected}, got ${got}${hintEn}` };
    }
    default:
      return { zh: `用法有误${hintZh}`, en: `${message.replace(/^error:\s*/, '')}${hintEn}` };
  }
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** The headings of commander's help, in Chinese then English. */
const HELP_TITLES: Record<string, string> = {
  'Usage:': '用法 / Usage:',
  'Arguments:': '参数 / Arguments:',
  'Options:': '选项 / Options:',
  'Commands:': '命令 / Commands:',
  'Global Options:': '通用选项 / Global Options:',
};

/** A Command whose usage errors are UsageErrors in both languages, and whose help headings are too; its subcommands are too. */
export class BilingualCommand extends Command {
  constructor(name?: string) {
    super(name);
    this.helpOption('-h, --help', '显示帮助 / show help');
    this.configureHelp({
      styleTitle: (title: string) => HELP_TITLES[title] ?? title,
      // commander adds (default: "table") in English: said in both languages instead.
      optionDescription: (option: Option) => Help.prototype.optionDescription.call(new Help(), option).replace(/\s*\(default: ([^)]*)\)$/, '（默认 / default: $1）'),
    });
  }

  override createCommand(name?: string): Command {
    return new BilingualCommand(name);
  }

  override error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
    const { zh, en } = usageText(this, errorOptions?.code ?? 'commander.error', message);
    throw new UsageError(zh, en);
  }
}
