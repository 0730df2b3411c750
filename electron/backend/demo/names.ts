// Common Swedish first names and surnames. The generator combines them at random, so a full name belongs to no real
// person. Staff get names typical of adults born 1960–1995, pupils names given after 2010: the two never collide.
import type { Random } from './random';

export const ELEV_FORNAMN = [
  'Alice', 'Maja', 'Elsa', 'Astrid', 'Wilma', 'Freja', 'Olivia', 'Selma', 'Alma', 'Ebba', 'Vera', 'Saga', 'Ella',
  'Alva', 'Agnes', 'Stella', 'Ines', 'Signe', 'Nora', 'Leah', 'Lilly', 'Juni', 'Tyra', 'Elvira', 'Ester', 'Iris',
  'Ellie', 'Molly', 'Livia', 'Sigrid', 'Amira', 'Hiba', 'Noor', 'Ronja', 'Tilde', 'Hedvig', 'Majken', 'Edith',
  'Noah', 'William', 'Hugo', 'Liam', 'Lucas', 'Oliver', 'Elias', 'Adam', 'Matteo', 'Alexander', 'Leo', 'Viktor',
  'Nils', 'Frans', 'Ludvig', 'Theo', 'Vincent', 'Loke', 'Arvid', 'Harry', 'Valter', 'Sixten', 'Melvin', 'Otto',
  'Isak', 'Albin', 'Ali', 'Omar', 'Yusuf', 'Milo', 'Edvin', 'Malte', 'Kian', 'Ibrahim', 'Gustav', 'Charlie',
] as const;

export const PERSONAL_FORNAMN = [
  'Anna', 'Maria', 'Karin', 'Eva', 'Lena', 'Kristina', 'Sofia', 'Emma', 'Helena', 'Sara', 'Jenny', 'Malin',
  'Camilla', 'Linda', 'Annika', 'Ulrika', 'Therese', 'Petra', 'Johanna', 'Cecilia', 'Åsa', 'Monica', 'Susanne',
  'Lars', 'Anders', 'Johan', 'Per', 'Mikael', 'Erik', 'Peter', 'Magnus', 'Fredrik', 'Daniel', 'Henrik', 'Jonas',
  'Mattias', 'Stefan', 'Niklas', 'Tobias', 'Marcus', 'Patrik', 'Ola', 'Björn', 'Håkan', 'Ulf', 'Reza', 'Dragan',
] as const;

export const EFTERNAMN = [
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson',
  'Gustafsson', 'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson', 'Lindberg', 'Jakobsson',
  'Magnusson', 'Lindström', 'Olofsson', 'Lindqvist', 'Lindgren', 'Berg', 'Axelsson', 'Bergström', 'Lundberg',
  'Lind', 'Lundgren', 'Lundqvist', 'Mattsson', 'Berglund', 'Fredriksson', 'Sandberg', 'Henriksson', 'Forsberg',
  'Sjöberg', 'Wallin', 'Ali', 'Engström', 'Mohamed', 'Eklund', 'Danielsson', 'Lundin', 'Håkansson', 'Björk',
  'Bergman', 'Gunnarsson', 'Holm', 'Wikström', 'Samuelsson', 'Isaksson', 'Fransson', 'Bergqvist', 'Nyström',
  'Holmberg', 'Arvidsson', 'Löfgren', 'Söderberg', 'Nyberg', 'Blomqvist', 'Claesson', 'Nordström', 'Hassan',
  'Mårtensson', 'Lundström', 'Ahmed', 'Viklund', 'Björklund', 'Eliasson', 'Pålsson', 'Berggren', 'Sandström',
] as const;

export interface Namn {
  fornamn: string;
  efternamn: string;
}

/** Hands out full names that are unique within the school, so no two records read the same in a list. */
export class NameSource {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Random) {}

  next(fornamn: readonly string[]): Namn {
    for (let attempt = 0; ; attempt++) {
      const namn: Namn = { fornamn: this.rng.pick(fornamn), efternamn: this.rng.pick(EFTERNAMN) };
      // After many misses a double surname widens the space instead of looping for ever.
      if (attempt > 20) namn.efternamn = `${namn.efternamn}-${this.rng.pick(EFTERNAMN)}`;
      const key = `${namn.fornamn} ${namn.efternamn}`;
      if (!this.used.has(key)) {
        this.used.add(key);
        return namn;
      }
    }
  }
}
