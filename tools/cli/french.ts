import { Command, Help } from 'commander';

// commander's own words (section titles, the help option, its errors) in French: the CLI's users read French.
const TITLES: Record<string, string> = {
  'Usage:': 'Utilisation :',
  'Options:': 'Options :',
  'Commands:': 'Commandes :',
  'Arguments:': 'Arguments :',
  'Global Options:': 'Options globales :',
};

const ERRORS: [RegExp, string][] = [
  [/^error: unknown command '(.+)'/, 'erreur : commande inconnue « $1 »'],
  [/^error: unknown option '(.+)'/, 'erreur : option inconnue « $1 »'],
  [/^error: missing required argument '(.+)'/, 'erreur : argument obligatoire manquant « $1 »'],
  [/^error: required option '(.+)' not specified/, 'erreur : option obligatoire absente « $1 »'],
  [/^error: option '(.+)' argument missing/, 'erreur : valeur manquante pour l’option « $1 »'],
  [/^error: too many arguments.*/, 'erreur : trop d’arguments'],
  [
    /^error: (option|command-argument value) '(.+)' (?:argument )?'(.+)' is invalid\. Allowed choices are (.+)\./,
    'erreur : « $3 » n’est pas une valeur permise pour « $2 » (valeurs permises : $4)',
  ],
  [/^\(add --help for additional information\)/, '(--help pour en savoir plus)'],
  [/^\(Did you mean (.+)\?\)/, '(Vouliez-vous dire $1 ?)'],
];

/** commander's English error lines, in French (a line it has no French for is kept). */
export function frenchError(text: string): string {
  return text
    .split('\n')
    .map((line) => ERRORS.reduce((l, [pattern, french]) => l.replace(pattern, french), line))
    .join('\n');
}

const extras = (text: string) => text.replace(/\bchoices: /, 'valeurs : ').replace(/\bdefault: /, 'par défaut : ');

/** Sets the French words on the root command: the commands created from it afterwards inherit them. */
export function inFrench(cli: Command): Command {
  return cli
    .helpOption('-h, --help', 'affiche cette aide')
    .helpCommand('help [commande]', 'affiche l’aide d’une commande')
    .configureHelp({
      styleTitle: (title) => TITLES[title] ?? title,
      optionDescription: (option) => extras(Help.prototype.optionDescription.call(new Help(), option)),
      argumentDescription: (argument) => extras(Help.prototype.argumentDescription.call(new Help(), argument)),
    })
    .configureOutput({ outputError: (text, write) => write(frenchError(text)) });
}
