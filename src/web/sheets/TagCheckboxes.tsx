import { useTranslation } from 'react-i18next';
import { toggleTag, type TAG_GROUPS, type Tags } from '../../core/cards.ts';
import { tagLabel } from './tags.ts';

type Group = (typeof TAG_GROUPS)[number];

/** One tag list as checkboxes (phone pills or the manage page's plain list share it). */
export function TagCheckboxes({
  id,
  group: { group, codes },
  value,
  onChange,
  labelClassName,
}: {
  id: string;
  group: Group;
  value: Tags;
  onChange: (t: Tags) => void;
  labelClassName?: string;
}) {
  const { t } = useTranslation();
  const chosen = value[group] as readonly string[];
  return codes.map((code) => (
    <label key={code} className={labelClassName}>
      <input
        type="checkbox"
        name={`${id}-${group}`}
        value={code}
        checked={chosen.includes(code)}
        onChange={() => onChange(toggleTag(value, group, code))}
      />{' '}
      <span>{tagLabel(t, group, code)}</span>
    </label>
  ));
}
