// Issue 12, "words and numbers a user reads": the web app shows labels, never an enum's raw value.
// A value whose type is a union of code-like string literals ('in_review', 'low'…) may be used as
// a key, a prop value or in a URL, but it may not be rendered: not as a JSX child, not in an
// attribute a person reads (label, title…), not in a template literal rendered there, and not as
// the options of a Select. Look its label up instead (contracts: <NAME>_LABELS).

/** Code-like: lowercase, digits, underscores (in_review, not_applicable, low). */
const CODE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
/** Attributes whose text a person reads or hears. */
const SHOWN = new Set([
  'label',
  'title',
  'description',
  'placeholder',
  'aria-label',
  'alt',
  'error',
]);
/** Attributes that list the options a person picks from (Select, MultiSelect, SegmentedControl…). */
const OPTIONS = new Set(['data']);

/** @param {import('typescript').Type} type */
function codeLiterals(type) {
  const parts = type.isUnion() ? type.types : [type];
  if (parts.length === 0 || !parts.every((t) => t.isStringLiteral())) {
    return [];
  }
  return parts.flatMap((t) => (t.isStringLiteral() && CODE.test(t.value) ? [t.value] : []));
}

/** @type {import('eslint').Rule.RuleModule} */
export const noRawEnumText = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      raw: 'This renders a raw value ({{values}}): show its label (contracts: <NAME>_LABELS).',
      options:
        'These options show raw values ({{values}}): give each a label ({ value, label } from <NAME>_LABELS).',
    },
  },
  create(context) {
    const services = context.sourceCode.parserServices;
    const program = services?.program;
    if (!program || !services.esTreeNodeToTSNodeMap) {
      throw new Error(
        'words/no-raw-enum-text needs type information (parserOptions.projectService)',
      );
    }
    const checker = program.getTypeChecker();
    const nodes = services.esTreeNodeToTSNodeMap;
    /** @param {any} node */
    const typeOf = (node) => checker.getTypeAtLocation(nodes.get(node));

    /** @param {import('@typescript-eslint/utils').TSESTree.Node} node */
    function check(node) {
      const values = codeLiterals(typeOf(node));
      if (values.length > 0) {
        context.report({ node, messageId: 'raw', data: { values: values.slice(0, 3).join(', ') } });
      }
    }

    /** Checks what the expression shows: itself, or each part of a template literal. */
    /** @param {import('@typescript-eslint/utils').TSESTree.Expression} expression */
    function shown(expression) {
      if (expression.type === 'TemplateLiteral') {
        expression.expressions.forEach((part) => shown(part));
      } else if (expression.type === 'ConditionalExpression') {
        shown(expression.consequent);
        shown(expression.alternate);
      } else if (expression.type === 'LogicalExpression') {
        // `a && b` shows b; `a ?? b` and `a || b` show either.
        if (expression.operator !== '&&') {
          shown(expression.left);
        }
        shown(expression.right);
      } else if (expression.type !== 'Literal') {
        // A literal is a word its author wrote ({count ?? 'none'}), not a stored value.
        check(expression);
      }
    }

    return {
      JSXExpressionContainer(node) {
        if (node.expression.type === 'JSXEmptyExpression') {
          return;
        }
        const parent = node.parent;
        if (parent.type === 'JSXElement' || parent.type === 'JSXFragment') {
          shown(node.expression);
          return;
        }
        if (parent.type !== 'JSXAttribute' || parent.name.type !== 'JSXIdentifier') {
          return;
        }
        const name = parent.name.name;
        if (SHOWN.has(name)) {
          shown(node.expression);
        } else if (OPTIONS.has(name)) {
          const type = typeOf(node.expression);
          const element = checker.isArrayLikeType(type)
            ? checker.getIndexTypeOfType(type, 1 /* IndexKind.Number */)
            : undefined;
          const values = element ? codeLiterals(element) : [];
          if (values.length > 0) {
            context.report({
              node: node.expression,
              messageId: 'options',
              data: { values: values.slice(0, 3).join(', ') },
            });
          }
        }
      },
    };
  },
};

export default { rules: { 'no-raw-enum-text': noRawEnumText } };
