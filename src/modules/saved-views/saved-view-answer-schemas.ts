import { Type } from 'typebox';
import { Answer, Timestamp } from '../../platform/http/schemas.ts';
import { OrderListFilters, SavedViewScreen } from './saved-view-schemas.ts';

/** The answers of the saved-view routes (saved-view-record.ts SavedView). */

export const SavedViewSchema = Type.Object({
  id: Type.String(),
  screen: SavedViewScreen,
  name: Type.String(),
  // Stored only after the input schema accepted them, so the same schema describes them.
  filters: OrderListFilters,
  shared: Type.Boolean(),
  ownerName: Type.String(),
  mine: Type.Boolean({ description: 'the caller owns the view, so may change or delete it' }),
  createdAt: Timestamp(),
  updatedAt: Timestamp(),
});

export const SavedViewAnswer = Answer(SavedViewSchema);

export const SavedViewsAnswer = Answer(Type.Object({ items: Type.Array(SavedViewSchema) }));
