/** The name as shown: surrounding blanks removed, composed Unicode form. */
export function cleanCategoryName(name: string): string {
  return name.trim().normalize('NFC');
}

/** What names are compared by: "Dining", " dining" and "DINING" are the same category name. */
export function categoryNameKey(name: string): string {
  return cleanCategoryName(name).toLowerCase();
}
