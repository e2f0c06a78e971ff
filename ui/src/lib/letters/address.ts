// How an address is written on an envelope or label, in the shop's country's
// order: Korean (postal code, address, detail, "{name} 님" — not "님 귀하",
// which says the same honor twice) or American (name, street, then the
// postal line as given).
import type { Country } from '../backend/bindings/Country';
import type { Customer } from '../backend/bindings/Customer';

export type AddressParts = Pick<Customer, 'name' | 'postal_code' | 'address1' | 'address2'>;

export function hasAddress(c: AddressParts): boolean {
  return c.address1.trim() !== '';
}

/** The lines of the recipient block, blank ones left out. */
export function addressLines(country: Country, c: AddressParts): string[] {
  const postal = c.postal_code.trim();
  const a1 = c.address1.trim();
  const a2 = c.address2.trim();
  const name = c.name.trim();
  const lines =
    country === 'KR'
      ? [postal && `우편번호 ${postal}`, a1, a2, name && `${name} 님`]
      : [name, [a1, a2].filter(Boolean).join(', '), postal];
  return lines.filter((l) => l !== '');
}
