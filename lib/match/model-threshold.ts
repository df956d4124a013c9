import model from './data/match-model.json';

/** The probability cut-off training chose (cross-validated on the development split), or 0.5 for an untrained model. */
export const MODEL_THRESHOLD: number = (model as { threshold?: number }).threshold ?? 0.5;
