import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProvinceItem } from '../../contract/places.ts';
import { useResource } from '../shell/useResource.ts';
import { describedBy, FieldError } from './fields.tsx';
import { loadProvinces, useCountries, type CountryOption } from './places.ts';

interface Props {
  countries: string[];
  provinces: string[];
  onChange(next: { countries: string[]; provinces: string[] }): void;
  countriesError?: string | undefined;
  provincesError?: string | undefined;
}

/**
 * Countries of work, and within each the provinces. Picking is "choose, then Add" rather than
 * acting on every change of a select: arrowing through a closed select must not add countries.
 */
export function PlacesPicker(p: Props) {
  const { t } = useTranslation();
  const { options, byCode } = useCountries();
  const [choice, setChoice] = useState('');
  const available = options.filter((o) => !p.countries.includes(o.code));

  function addCountry() {
    if (!choice || p.countries.includes(choice)) return;
    p.onChange({ countries: [...p.countries, choice], provinces: p.provinces });
    setChoice('');
  }
  function removeCountry(code: string) {
    p.onChange({
      countries: p.countries.filter((c) => c !== code),
      provinces: p.provinces.filter((x) => !x.startsWith(`${code}-`)),
    });
  }

  return (
    <>
      <fieldset
        id="f-countries"
        className={`choices${p.countriesError ? ' has-error' : ''}`}
        aria-describedby={describedBy('f-countries', false, !!p.countriesError)}
      >
        <legend>
          {t('org.countries')} <span className="optional">({t('form.optional')})</span>
        </legend>
        <FieldError id="f-countries" error={p.countriesError} />
        {p.countries.length === 0 ? (
          <p className="muted">{t('form.noCountries')}</p>
        ) : (
          <ul className="chips">
            {p.countries.map((c) => {
              const name = byCode.get(c)?.name ?? c;
              return (
                <li key={c}>
                  {byCode.get(c)?.label ?? c}
                  <button
                    type="button"
                    className="chip-remove"
                    aria-label={t('form.remove', { name })}
                    onClick={() => removeCountry(c)}
                  >
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <div className="add-row">
          <label htmlFor="f-country-add" className="visually-hidden">
            {t('form.addCountry')}
          </label>
          <select
            id="f-country-add"
            value={choice}
            aria-invalid={p.countriesError ? true : undefined}
            onChange={(e) => setChoice(e.target.value)}
          >
            <option value="">{t('form.chooseCountry')}</option>
            {available.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn btn-quiet"
            onClick={addCountry}
            disabled={!choice}
            aria-label={t('form.addCountry')}
          >
            {t('form.add')}
          </button>
        </div>
      </fieldset>

      <fieldset
        id="f-provinces"
        className={`choices${p.provincesError ? ' has-error' : ''}`}
        aria-describedby={describedBy('f-provinces', true, !!p.provincesError)}
      >
        <legend>
          {t('org.provinces')} <span className="optional">({t('form.optional')})</span>
        </legend>
        <p className="hint" id="f-provinces-hint">
          {t('form.provincesHint')}
        </p>
        <FieldError id="f-provinces" error={p.provincesError} />
        {p.countries.map((c) => (
          <ProvincesOf
            key={c}
            country={byCode.get(c) ?? { code: c, name: c, label: c }}
            selected={p.provinces.filter((x) => x.startsWith(`${c}-`))}
            onChange={(mine) =>
              p.onChange({
                countries: p.countries,
                provinces: [...p.provinces.filter((x) => !x.startsWith(`${c}-`)), ...mine],
              })
            }
          />
        ))}
      </fieldset>
    </>
  );
}

function ProvincesOf({
  country,
  selected,
  onChange,
}: {
  country: CountryOption;
  selected: string[];
  onChange(next: string[]): void;
}) {
  const { t, i18n } = useTranslation();
  const res = useResource(`provinces:${country.code}`, () => loadProvinces(country.code));
  const all: ProvinceItem[] = res.data ?? [];
  const names = new Map(all.map((p) => [p.code, p.name]));
  const collator = new Intl.Collator(i18n.language);
  const available = all
    .filter((p) => !selected.includes(p.code))
    .sort((a, b) => collator.compare(a.name, b.name));
  const [choice, setChoice] = useState('');
  const selectId = `f-province-add-${country.code}`;

  if (res.data && all.length === 0) return null; // a country without provinces in the gazetteer
  return (
    <div className="province-block">
      <h3 className="province-country">{country.name}</h3>
      {selected.length === 0 ? (
        <p className="muted">{t('form.noProvinces')}</p>
      ) : (
        <ul className="chips">
          {selected.map((code) => (
            <li key={code}>
              {names.get(code) ?? code}
              <button
                type="button"
                className="chip-remove"
                aria-label={t('form.remove', { name: names.get(code) ?? code })}
                onClick={() => onChange(selected.filter((x) => x !== code))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="add-row">
        <label htmlFor={selectId} className="visually-hidden">
          {t('form.addProvince', { country: country.name })}
        </label>
        <select id={selectId} value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">{t('form.chooseProvince')}</option>
          {available.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn-quiet"
          disabled={!choice}
          aria-label={t('form.addProvince', { country: country.name })}
          onClick={() => {
            if (choice) onChange([...selected, choice]);
            setChoice('');
          }}
        >
          {t('form.add')}
        </button>
      </div>
    </div>
  );
}
