import type { Explanation } from '../api/types.js';
import { formatScore, humanise } from '../lib/format.js';
import { alignWords, type Word } from '../lib/name-parts.js';

const HOW_LABEL: Record<string, string> = {
  exact: 'Exact',
  variant: 'Known variant',
  skeleton: 'Same consonants',
  typo: 'Spelling difference',
  initial: 'Initial',
  joined: 'Joined parts',
  split: 'Split part',
};

const KIND_LABEL: Record<string, string> = {
  primary: 'primary name',
  alias: 'alias',
  weak_alias: 'weak alias',
  former: 'former name',
  original_script: 'name in original script',
};

export function howLabel(how: string): string {
  return HOW_LABEL[how] ?? humanise(how);
}

function WrittenName({ words, label }: { words: Word[]; label: string }) {
  return (
    <p className="written-name" dir="auto" aria-label={label}>
      {words.map((word, i) =>
        word.gap ? (
          <span key={i}>{word.text}</span>
        ) : (
          <span
            key={i}
            className={word.pair !== undefined || word.same === true ? `part part--${word.how ?? 'exact'}` : word.unmatched === true ? 'part part--unmatched' : 'part'}
            title={word.pair !== undefined ? `pair ${word.pair}: ${howLabel(word.how ?? 'exact')}` : word.same === true ? 'the same word in both names' : word.unmatched === true ? 'not matched' : undefined}
          >
            {word.text}
            {word.pair !== undefined && <sup aria-hidden="true">{word.pair}</sup>}
          </span>
        ),
      )}
    </p>
  );
}

/** Quoted names isolated, so an Arabic or Hebrew name does not reorder the sentence around it. */
function Isolated({ text }: { text: string }) {
  const pieces = text.split(/("[^"]*")/g);
  return (
    <>
      {pieces.map((piece, i) =>
        piece.startsWith('"') && piece.endsWith('"') && piece.length >= 2 ? (
          <span key={i}>
            “<bdi>{piece.slice(1, -1)}</bdi>”
          </span>
        ) : (
          <span key={i}>{piece}</span>
        ),
      )}
    </>
  );
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(2)}`;
}

/**
 * A hit's explanation made readable: the two names side by side with the aligned parts marked,
 * the alignment as a table, the parts left over, and what every other feature added or took.
 */
export function ExplanationView({ explanation, idPrefix }: { explanation: Explanation; idPrefix: string }) {
  const { subject, entity } = alignWords(explanation.subjectName, explanation.matchedName.full, explanation.aligned, explanation.unmatched);
  const kind = KIND_LABEL[explanation.matchedName.kind] ?? explanation.matchedName.kind;
  const leftOver = explanation.unmatched.filter((u) => u.penalty > 0 || u.role !== 'particle');
  return (
    <div className="explanation">
      <div className="names-compared">
        <div className="names-compared__side">
          <h4 id={`${idPrefix}-subject`}>Name screened</h4>
          <WrittenName words={subject} label={`Name screened: ${explanation.subjectName}`} />
        </div>
        <div className="names-compared__side">
          <h4 id={`${idPrefix}-listed`}>Listed {kind}</h4>
          <WrittenName words={entity} label={`Listed ${kind}: ${explanation.matchedName.full}`} />
        </div>
      </div>

      <table className="table table--compact alignment">
        <caption>
          How the name parts align — name score {formatScore(explanation.name.score)}
          {explanation.name.informationFactor < 1 ? ' (common parts, damped)' : ''}
          {explanation.name.kindFactor < 1 ? ` (${kind} counts ×${explanation.name.kindFactor})` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Screened part</th>
            <th scope="col">Listed part</th>
            <th scope="col">How</th>
            <th scope="col" className="num">
              Similarity
            </th>
          </tr>
        </thead>
        <tbody>
          {explanation.aligned.map((pair, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>
                <span className={`chip chip--${pair.how}`}>{pair.subject}</span>
              </td>
              <td>
                <span className={`chip chip--${pair.how}`}>{pair.entity}</span>
              </td>
              <td>{howLabel(pair.how)}</td>
              <td className="num">{formatScore(pair.similarity)}</td>
            </tr>
          ))}
          {leftOver.map((part, i) => (
            <tr key={`u${i}`} className="alignment__unmatched">
              <td>–</td>
              <td>{part.side === 'subject' ? <span className="chip chip--unmatched">{part.part}</span> : ''}</td>
              <td>{part.side !== 'subject' ? <span className="chip chip--unmatched">{part.part}</span> : ''}</td>
              <td>
                Not matched ({humanise(part.role)})
              </td>
              <td className="num">−{formatScore(part.penalty)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h4>Other evidence</h4>
      {explanation.features.length === 0 ? (
        <p className="muted">No date of birth, nationality, gender or document to compare: the score rests on the name.</p>
      ) : (
        <ul className="features">
          {explanation.features.map((feature, i) => (
            <li key={i} className={feature.decisive === true ? 'feature feature--decisive' : feature.contribution < 0 ? 'feature feature--down' : 'feature feature--up'}>
              <span className="feature__name">{humanise(feature.feature)}</span>
              <span className="feature__detail">{feature.detail}</span>
              <span className="feature__value">{feature.decisive === true ? 'decisive' : signed(feature.contribution)}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="summary">
        <span className="visually-hidden">Summary: </span>
        <Isolated text={explanation.summary} />
      </p>
    </div>
  );
}
