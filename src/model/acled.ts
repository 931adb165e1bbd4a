/**
 * The one table mapping corroborate incident types to ACLED event / sub-event types.
 * (ACLED codebook 2023: event types Battles, Explosions/Remote violence, Violence against
 * civilians, Protests, Riots, Strategic developments.)
 */
import type { IncidentType } from './schema.js';

export interface AcledType { eventType: string; subEventType: string }

export const ACLED_TYPES: Record<IncidentType, AcledType> = {
  killing: { eventType: 'Violence against civilians', subEventType: 'Attack' },
  execution: { eventType: 'Violence against civilians', subEventType: 'Attack' },
  shooting: { eventType: 'Violence against civilians', subEventType: 'Attack' },
  bombing: { eventType: 'Explosions/Remote violence', subEventType: 'Remote explosive/landmine/IED' },
  airstrike: { eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike' },
  shelling: { eventType: 'Explosions/Remote violence', subEventType: 'Shelling/artillery/missile attack' },
  armed_clash: { eventType: 'Battles', subEventType: 'Armed clash' },
  abduction: { eventType: 'Violence against civilians', subEventType: 'Abduction/forced disappearance' },
  arrest: { eventType: 'Strategic developments', subEventType: 'Arrests' },
  assault: { eventType: 'Violence against civilians', subEventType: 'Attack' },
  arson: { eventType: 'Strategic developments', subEventType: 'Looting/property destruction' },
  other_violence: { eventType: 'Strategic developments', subEventType: 'Other' },
};
