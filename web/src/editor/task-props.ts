/** What every editing task gets from the dock. */
export interface TaskProps {
  /** After a successful write: announce `message`, reload the map and select `focusId` when given. */
  readonly onWrite: (message: string, focusId?: string) => void;
}
