// The bench's target lines: the peer targets beside what the hand-written loop itself reaches in the same run.
import type { Figures } from '../../bench/report';
import { loopScale, targets } from '../../bench/report';

/** Figures with only a checks/s rate: all the target lines read. */
const at = (checksPerSecond: number) => ({ checksPerSecond }) as Figures;

describe('the hand-written loop for scale', () => {
  test.each([
    // hand, json-rules-engine, json-logic-js (checks/s) → line
    [
      100,
      2,
      12,
      "for scale, the hand-written loop in this run: 50.0× json-rules-engine (so 50× asks for 1.00× the loop's speed); 8.3× json-logic-js (so 10× asks for 1.20× the loop's speed)",
    ],
    [
      100,
      1,
      5,
      "for scale, the hand-written loop in this run: 100.0× json-rules-engine (so 50× asks for 0.50× the loop's speed); 20.0× json-logic-js (so 10× asks for 0.50× the loop's speed)",
    ],
  ])('hand %s, json-rules-engine %s, json-logic-js %s checks/s', (hand, jre, logic, line) => {
    expect(loopScale({ handWritten: at(hand), jsonRulesEngine: at(jre), jsonLogic: at(logic) })).toBe(line);
  });

  test('a peer that did not run is left out; without the loop there is no line', () => {
    expect(loopScale({ handWritten: at(100), jsonLogic: at(10) })).toBe(
      "for scale, the hand-written loop in this run: 10.0× json-logic-js (so 10× asks for 1.00× the loop's speed)",
    );
    expect(loopScale({ handWritten: at(100) })).toBeUndefined();
    expect(loopScale({ jsonLogic: at(10), jsonRulesEngine: at(1) })).toBeUndefined();
  });

  test('the line agrees with the targets: rulesheet at the loop’s speed meets exactly the ratios the loop reaches', () => {
    const f = { rulesheet: at(100), handWritten: at(100), jsonRulesEngine: at(2), jsonLogic: at(12) };
    const [vsJre, vsLogic, hand] = targets(f);
    expect([vsJre.actual, vsLogic.actual, hand.actual]).toEqual(['50.0×', '8.3×', '1.0×']);
    expect([vsJre.met, vsLogic.met, hand.met]).toEqual([true, false, true]);
    expect(loopScale(f)).toContain('8.3× json-logic-js');
  });
});
