import type { Command } from "../command.js";
import { auditCommand } from "./audit.js";
import { budgetCommand } from "./budget.js";
import { chargeCommand } from "./charge.js";
import { compareCommand } from "./compare.js";
import { diffCommand } from "./diff.js";
import { importCommand } from "./import.js";
import { modelsCommand } from "./models.js";
import { quoteCommand } from "./quote.js";
import { tableCommand } from "./table.js";

/** Every CLI command by name, in the order --help lists them. One module per command. */
export const COMMANDS: Readonly<Record<string, Command>> = Object.freeze({
  quote: quoteCommand,
  charge: chargeCommand,
  table: tableCommand,
  budget: budgetCommand,
  audit: auditCommand,
  diff: diffCommand,
  models: modelsCommand,
  import: importCommand,
  compare: compareCommand,
});
