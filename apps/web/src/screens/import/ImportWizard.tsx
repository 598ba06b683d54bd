import { Alert, Button, Card, FileInput, Group, Progress, Select, SimpleGrid, Stack, Stepper, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/http';
import type { ImportResult } from '../../api/types';
import { uploadWithProgress } from '../../api/upload';
import { DATE_FORMATS, guessMapping, previewOf, type Mapping, type Preview } from './mapping-guess';

/** The file's head read for the preview and the guess; the whole file is only read by the upload. */
const PREVIEW_BYTES = 64 * 1024;
/** The gateway's limit (MAX_IMPORT_BYTES), checked before the upload starts. */
const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

type Outcome = { kind: 'dry-run' | 'import'; result: ImportResult };

export default function ImportWizard() {
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [currency, setCurrency] = useState('EUR');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const queries = useQueryClient();
  const step = !mapping ? 0 : !outcome ? 1 : outcome.kind === 'dry-run' ? 2 : 3;

  const pick = async (chosen: File | null) => {
    setFile(chosen);
    setOutcome(null);
    setError(null);
    setFileError(null);
    if (!chosen) return setMapping(null);
    if (chosen.size > MAX_IMPORT_BYTES) {
      setMapping(null);
      return setFileError('a CSV import may be at most 50 MB');
    }
    const head = await chosen.slice(0, PREVIEW_BYTES).text();
    const guess = guessMapping(head);
    setText(head);
    setMapping(guess.mapping);
    setPreview(guess.preview);
  };

  const set = (patch: Partial<Mapping>) => {
    if (!mapping) return;
    const next = { ...mapping, ...patch };
    setMapping(next);
    if (patch.delimiter) setPreview(previewOf(text, patch.delimiter));
  };

  const send = async (dryRun: boolean) => {
    if (!file || !mapping) return;
    setError(null);
    setProgress(0);
    try {
      const result = await uploadWithProgress<ImportResult>(
        '/imports',
        file,
        { ...mapping, currency: mapping.currencyColumn ? undefined : currency, dryRun, skipInvalid: skipInvalid || undefined },
        setProgress,
      );
      setOutcome({ kind: dryRun ? 'dry-run' : 'import', result });
      if (!dryRun) await queries.invalidateQueries({ queryKey: ['transactions'] });
    } catch (failure) {
      const details = failure instanceof ApiError ? (failure.details as Partial<ImportResult> | undefined) : undefined;
      // A file with bad lines answers 422 with the counts and the lines: shown as the dry run's outcome.
      if (details && Array.isArray(details.failed)) setOutcome({ kind: 'dry-run', result: details as ImportResult });
      setError(failure as Error);
    } finally {
      setProgress(null);
    }
  };

  const columns = (preview?.header ?? []).map((name) => ({ value: name, label: name }));
  const columnSelect = (label: string, option: keyof Mapping) => (
    <Select label={label} placeholder="None" clearable data={columns} value={(mapping?.[option] as string | undefined) ?? null} onChange={(value) => set({ [option]: value ?? undefined })} />
  );

  return (
    <Stack>
      <Title order={2}>Import a CSV</Title>
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label="File" description="Pick and preview" />
        <Stepper.Step label="Mapping" description="Columns and formats" />
        <Stepper.Step label="Dry run" description="Check the lines" />
        <Stepper.Step label="Imported" description="Inserted and duplicates" />
      </Stepper>
      <FileInput label="CSV file" placeholder="Choose a .csv file" accept=".csv,text/csv" value={file} onChange={(chosen) => void pick(chosen)} error={fileError} clearable />
      {preview && mapping && (
        <>
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">
              First rows
            </Title>
            <Table.ScrollContainer minWidth={500}>
              <Table striped data-testid="import-preview">
                <Table.Thead>
                  <Table.Tr>
                    {preview.header.map((name, index) => (
                      <Table.Th key={index}>{name}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.map((row, index) => (
                    <Table.Tr key={index}>
                      {preview.header.map((_, column) => (
                        <Table.Td key={column}>{row[column] ?? ''}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">
              Mapping (guessed from the header names; change what is wrong)
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {columnSelect('Date column', 'dateColumn')}
              {columnSelect('Amount column (signed)', 'amountColumn')}
              {columnSelect('Description column', 'descriptionColumn')}
              {columnSelect('Debit column', 'debitColumn')}
              {columnSelect('Credit column', 'creditColumn')}
              {columnSelect('Merchant column', 'merchantColumn')}
              {columnSelect('Currency column', 'currencyColumn')}
              {columnSelect('External id column', 'externalIdColumn')}
              <TextInput label="Currency (when no column)" value={currency} maxLength={3} onChange={(event) => setCurrency(event.currentTarget.value.toUpperCase())} error={/^[A-Z]{3}$/.test(currency) ? null : 'a 3-letter code'} />
              <Select label="Date format" data={[...DATE_FORMATS]} value={mapping.dateFormat} onChange={(value) => value && set({ dateFormat: value as Mapping['dateFormat'] })} allowDeselect={false} />
              <Select label="Decimal separator" data={['.', ',']} value={mapping.decimalSeparator} onChange={(value) => value && set({ decimalSeparator: value as '.' | ',' })} allowDeselect={false} />
              <Select label="Delimiter" data={[',', ';', 'tab', '|']} value={mapping.delimiter} onChange={(value) => value && set({ delimiter: value as Mapping['delimiter'] })} allowDeselect={false} />
            </SimpleGrid>
            <Switch mt="md" label="Skip invalid lines (import the rest)" checked={skipInvalid} onChange={(event) => setSkipInvalid(event.currentTarget.checked)} />
            <Group mt="md">
              <Button variant="light" onClick={() => void send(true)} loading={progress !== null}>
                Dry run
              </Button>
              <Button onClick={() => void send(false)} loading={progress !== null}>
                Import
              </Button>
            </Group>
            {progress !== null && <Progress mt="sm" value={progress * 100} aria-label="Upload progress" animated />}
          </Card>
        </>
      )}
      {error && (
        <Alert color="red" role="alert" title="Not imported">
          {error.message}
          {error instanceof ApiError && Object.entries(error.fieldErrors).map(([field, message]) => <Text size="sm" key={field}>{`${field}: ${message}`}</Text>)}
        </Alert>
      )}
      {outcome && (
        <Card withBorder data-testid="import-outcome">
          <Title order={3} size="h5">
            {outcome.kind === 'dry-run' ? 'Dry run' : 'Import'}: {outcome.result.status}
          </Title>
          <Text>
            {outcome.kind === 'dry-run' ? 'Would insert' : 'Inserted'} <b data-testid="inserted">{outcome.result.inserted}</b>, duplicates{' '}
            <b data-testid="duplicates">{outcome.result.duplicates}</b>, bad lines <b>{outcome.result.failedCount}</b>
          </Text>
          {outcome.result.failed.length > 0 && (
            <Table mt="sm" data-testid="bad-lines">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Line</Table.Th>
                  <Table.Th>Problem</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {outcome.result.failed.map((line) => (
                  <Table.Tr key={line.line}>
                    <Table.Td>{line.line}</Table.Td>
                    <Table.Td>{line.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      )}
    </Stack>
  );
}
