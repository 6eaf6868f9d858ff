import { describe, expect, it } from 'vitest';
import { holdsEmptyContainer, pyFormat, pyParse } from '../../stacks/fastapi-sqlalchemy/python/layout.js';
import { pyString } from '../../stacks/fastapi-sqlalchemy/python/names.js';
import { ruffFormat } from '../support/ruff-format.js';

/** Statements the generator lays out itself, compared with what `ruff format` makes of them. */
describe('layouts ruff format keeps as they are', () => {
  const long = 'XAmzTargetEc2WindowsBarleyServiceDescribeComponentConfigurationRecommendationOperations';
  const assignments: [string, string][] = [
    [`${long}Dep`, `Annotated[${long}, Depends(get_x_amz_target_ec2_windows_barley_service_describe_component_configuration_recommendation_operations)]`],
    [`${long}Dep`, `Annotated(${long}, Depends(get_x_amz_target_ec2_windows_barley_service_describe_component_configuration_recommendation_operations))`],
    [`${long}Dep_ab`, `Annotated[${long}, Depends(get_x)]`],
    [`${long}Dep_ab`, `Annotated(${long}, Depends(get_x))`],
    [`${long}Dep_ab`, 'Annotated[short, Depends(get_x)]'],
    ['ShortDep', `Annotated[${long}, Depends(get_operations)]`],
  ];

  it.each(assignments)('%s = …', (name, value) => {
    const written = `${pyFormat(pyParse(value), 0, `${name} = `)}\n`;
    expect(written).toBe(ruffFormat(written));
  });

  it('quotes strings as ruff does: double quotes, single ones when they save escapes', () => {
    const texts = ['plain', 'say "hi"', "it's", `"a" it's`, 'back\\slash "q"', 'x\\"y', "'", '"', `""''`, 'tab\there "x"', 'é "q" \n'];
    const written = `${texts.map((text, index) => `v${index} = ${pyString(text)}`).join('\n')}\n`;
    expect(written).toBe(ruffFormat(written));
  });
});

describe('values mypy cannot type on their own', () => {
  it.each([
    [{}, true],
    [{ properties: {} }, true],
    [[{ a: 1 }, { b: [] }], true],
    [{ a: 1, b: ['x'] }, false],
    [[1, 2], false],
    ['text', false],
    [null, false],
  ])('%j holds an empty list or dict: %s', (value, holds) => {
    expect(holdsEmptyContainer(value)).toBe(holds);
  });
});
